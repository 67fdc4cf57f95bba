import pytest

import harness


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """Each chapter's submissions (source, blank release, every variant), autograded once."""
    cache = {}

    def grades(chapter: str):
        if chapter not in cache:
            folder = tmp_path_factory.mktemp(f"grading-{chapter}")
            cache[chapter] = (harness.grade_chapter(chapter, folder), folder)
        return cache[chapter]

    return grades
