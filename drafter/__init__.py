"""drafter: draft and review laws on incitement to genocide against international standards."""

__version__ = "0.1.0"
