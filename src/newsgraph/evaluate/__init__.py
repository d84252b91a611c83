"""Built-in evaluation: score the system against gold files (precision, recall, F1)."""
