"""The labs of ConvScope, one folder each with the same files (view, schema, pipeline, figures, strings,
questions); app/main.py routes to each ``<lab>/view.py``."""
