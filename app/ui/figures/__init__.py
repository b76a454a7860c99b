"""Every figure ConvScope draws is built in this package (one module per lab, shared helpers in ``common``)."""
