"""Claims: who, when, where and whether a sentence asserts something, read once for all rules."""
