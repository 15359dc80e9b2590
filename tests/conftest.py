"""Settings for the whole suite."""
from hypothesis import settings

# Property tests search the same examples on every run: CI goes red only when the code
# changed, never because a fresh machine drew a new random example.
settings.register_profile("dateline", derandomize=True)
settings.load_profile("dateline")
