"""Where the sample districts are: ``shared/samples`` beside the repository."""

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE_JSON = sorted(SAMPLES.glob("*.json"))
SAMPLE_CSV = sorted(SAMPLES.glob("*.csv"))
