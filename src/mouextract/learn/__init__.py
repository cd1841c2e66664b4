"""Learned decisions over the extraction's candidates: features, shipped weights, and the training command."""
