"""The Cnn Lab's own building blocks beside its core files (same layout in every lab)."""
