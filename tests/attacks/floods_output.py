# attack: exhausting output
# A blank notebook prints a hundred megabytes into its autograded notebook.
import sys

line = "x" * 1000 + "\n"
for _ in range(100_000):
    sys.stdout.write(line)
