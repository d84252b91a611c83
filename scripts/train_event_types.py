"""Train the event-type classifier and print its 5-fold cross-validated PLOVER scores.

Usage: PYTHONPATH=src python scripts/train_event_types.py [--no-write] [--folds 5]
The logic lives in newsgraph.evaluate.plover_train (so tests can run the cross-validation).
"""

from newsgraph.evaluate.plover_train import main

if __name__ == "__main__":
    main()
