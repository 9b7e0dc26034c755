"""Holiday names in English come from the holidays package's Swedish calendar alone (issue 18)."""

from __future__ import annotations

import subprocess
import sys


def test_english_holiday_names_load_only_the_swedish_calendar() -> None:
    code = (
        "import sys; from satellitkontor.words import texts; names = texts._holiday_names_en(); "
        "print(names['Juldagen'], names['Midsommardagen']); "
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    english, countries = done.stdout.strip().splitlines()
    assert english == "Christmas Day Midsummer Day"
    assert countries == "['holidays.countries.sweden']"  # not the package's 250 other countries
