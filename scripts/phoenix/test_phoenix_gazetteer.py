#!/usr/bin/env python3
"""Tests of scripts/phoenix_gazetteer.py: python3 scripts/phoenix/test_phoenix_gazetteer.py

The fixture (tests/data/phoenix/fixture.actors.txt) converts to tests/data/phoenix/fixture.tsv,
which src/gazetteer/phoenix.rs's tests load: the two sides of the table format meet there.
"""

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import phoenix_gazetteer as pg  # noqa: E402

DATA = ROOT / "tests" / "data" / "phoenix"


def convert(countries_text):
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "Phoenix.Countries.actors.txt").write_text(countries_text)
        for name in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
            (Path(d) / name).write_text("")
        out = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "phoenix_gazetteer.py"), d],
            check=True, capture_output=True, text=True,
        )
        return out.stdout


class Conversion(unittest.TestCase):
    def test_fixture_converts_to_the_table_rust_reads(self):
        got = convert((DATA / "fixture.actors.txt").read_text())
        self.assertEqual(got, (DATA / "fixture.tsv").read_text())

    def test_rows(self):
        rows = [l.split("\t") for l in convert((DATA / "fixture.actors.txt").read_text())
                .splitlines() if not l.startswith("#")]
        by_id = {r[1]: r for r in rows}
        # Office holders are people acting for their country while in office; titled
        # forms are left to the extractor.
        self.assertEqual(by_id["vladimir-drazhin"][0], "Person")
        self.assertEqual(by_id["vladimir-drazhin"][3], "")
        self.assertEqual(by_id["vladimir-drazhin"][5], "government,Q184,2003-01-01,2005-12-31")
        # Opposition: a country, no spell of office.
        self.assertEqual(by_id["aleksandr-kozulin"][4:], ["Q184", ""])
        # The gazetteer has Netanyahu: only a new spelling is added, to its IRI.
        self.assertEqual(by_id["Q43723"][:4], ["=", "Q43723", "", "Binyamin Netanyahu"])
        # A group's leader listed as its synonym is not the group's name.
        self.assertEqual(by_id["jabhat-al-nusra"][0], "ArmedGroup")
        self.assertNotIn("Jawlani", by_id["jabhat-al-nusra"][3])
        self.assertIn("Jabhat al-Nusra", by_id["jabhat-al-nusra"][3].split("|"))

    def test_dates_and_casing(self):
        self.assertEqual(pg.parse_date("910825"), "1991-08-25")
        self.assertEqual(pg.parse_date("030101"), "2003-01-01")
        self.assertEqual(pg.parse_date("20070101"), "2007-01-01")
        self.assertIsNone(pg.parse_date("9008223"))
        words = {"front"}
        self.assertEqual(pg.cased("BAN_KI-MOON", False, words), "Ban Ki-moon")
        self.assertEqual(pg.cased("MCKEEVA_BUSH", False, words), "McKeeva Bush")
        self.assertEqual(pg.cased("ABDULLAH_II", False, words), "Abdullah II")
        self.assertEqual(pg.cased("AL-NUSRA_FRONT", True, words), "Al-Nusra Front")
        self.assertEqual(pg.variants("Al-Nusra Front")[-1], "al-Nusra Front")


if __name__ == "__main__":
    unittest.main()
