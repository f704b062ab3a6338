"""Where a run writes: --out apart from every input (symbolic links
followed), side folders out of folders that look published, one run per
--out at a time."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.errors import UsageError
from deid.run.places import beside, check_apart, git_tracked, lock, published_folder

from tests.conftest import write


def run(*args):
    return CliRunner().invoke(cli, ["run", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "export" / "story.txt", "My sponsor Chase Miller drove me to the clinic.\n")
    return tmp_path


@pytest.mark.parametrize("inputs, out, why", [
    (["export"], "export", "is the input"),
    (["export"], "export/public", "is inside the input"),
    (["export/story.txt"], "export", "holds the input"),
    (["export/story.txt"], ".", "holds the input"),
    (["export"], "link-to-export", "is the input"),                 # through a symbolic link
    (["export"], "link-to-export/public", "is inside the input"),
])
def test_an_out_that_is_inside_or_holds_an_input_is_refused_before_anything_is_read(site, inputs, out, why):
    (site / "link-to-export").symlink_to(site / "export", target_is_directory=True)
    before = (site / "export" / "story.txt").read_bytes()
    result = run(*inputs, "--out", out)
    assert result.exit_code == 2 and why in result.stderr, result.stderr
    assert (site / "export" / "story.txt").read_bytes() == before
    assert sorted(p.name for p in (site / "export").iterdir()) == ["story.txt"]
    assert "Chase" not in result.stderr


def test_check_apart_passes_folders_side_by_side(site):
    check_apart(site / "published", [site / "export", site / "export" / "story.txt"])


@pytest.mark.parametrize("out, published, quarantine", [
    ("published", None, "published.quarantine"),
    ("web/site/public/stories", "web/site", "web/site-public-stories.quarantine"),
    ("_site/stories", "_site", "_site-stories.quarantine"),
    ("docs", None, "docs.quarantine"),                  # --out itself: its side folders go beside it
])
def test_side_folders_go_outside_folders_that_look_published(site, out, published, quarantine):
    out = Path(out)
    found = published_folder(out.parent)
    assert (found.relative_to(site).as_posix() if found else None) == published
    assert beside(out, ".quarantine").resolve() == (site / quarantine).resolve()


def test_a_published_looking_folder_above_the_current_folder_does_not_count(tmp_path, monkeypatch):
    work = tmp_path / "www" / "project"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    assert published_folder(Path("out")) is None
    assert beside(Path("out/stories"), ".quarantine") == Path("out/stories.quarantine")


def test_the_current_folder_does_not_count_whatever_its_name(tmp_path, monkeypatch):
    work = tmp_path / "site"
    work.mkdir()
    monkeypatch.chdir(work)
    assert published_folder(Path(".")) is None
    assert beside(Path("out"), ".quarantine") == Path("out.quarantine")


def test_a_run_into_a_published_folder_says_where_its_journal_and_quarantine_went(site):
    result = run("export", "--out", "site/public/stories")
    assert result.exit_code == 0, result.stderr
    assert "site-public-stories.deid-work" in result.stderr and "site-public-stories.quarantine" in result.stderr
    assert sorted(p.name for p in (site / "site" / "public").iterdir()) == ["stories"]


def test_a_quarantine_inside_a_published_folder_is_refused(site):
    result = run("export", "--out", "out", "--quarantine", "site/public/held")
    assert result.exit_code == 2 and "looks published" in result.stderr


def test_a_second_run_on_the_same_out_stops_and_says_who_holds_it(site):
    with lock(Path("out")):
        result = run("export", "--out", "out")
    assert result.exit_code == 2
    assert "another deid run (process " in result.stderr and "is writing here" in result.stderr
    assert not (site / "out" / "deid-audit.jsonl").exists()
    assert run("export", "--out", "out").exit_code == 0  # released


def test_the_lock_is_released_when_the_holder_fails(site):
    with pytest.raises(RuntimeError):
        with lock(Path("out")):
            raise RuntimeError("boom")
    with lock(Path("out")):
        pass


def test_check_apart_raises_a_usage_error(site):
    with pytest.raises(UsageError, match="write over what it reads"):
        check_apart(site / "export", [site / "export"])


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git_repo(folder: Path, ignore: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    if ignore is not None:
        write(folder / ".gitignore", ignore)
    return folder


@pytest.mark.parametrize("option, place", [
    ("--quarantine", "static/testimonials/held"),
    ("--quarantine", "public_html/voices/held"),
    ("--review", "content/stories/review"),
    ("--review", "assets/held"),
    ("--quarantine", "_build/html/held"),
])
def test_an_explicit_side_folder_in_a_published_looking_folder_is_refused(site, option, place):
    result = run("export", "--out", "out", option, place)
    assert result.exit_code == 2 and "looks published" in result.stderr and "outside it" in result.stderr
    assert not (site / place).exists() and not (site / "out" / "story.txt").exists()


@pytest.mark.parametrize("out, quarantine", [
    ("static/testimonials", "static-testimonials.quarantine"),
    ("public_html/voices", "public_html-voices.quarantine"),
    ("content/posts/2024", "content-posts-2024.quarantine"),
])
def test_default_side_folders_go_beside_the_published_looking_folder(site, out, quarantine):
    assert beside(Path(out), ".quarantine").resolve() == (site / quarantine).resolve()
    assert beside(Path(out), ".review").resolve() == (site / quarantine.replace(".quarantine", ".review")).resolve()


@needs_git
@pytest.mark.parametrize("ignore, where", [
    (None, "outside"),                      # nothing ignored: beside the work tree
    ("notes.txt\n", "outside"),            # something else ignored
    ("*.quarantine\n", "beside"),          # the user ignores deid's folders: beside --out
    ("pub.quarantine/\n", "beside"),
])
def test_default_side_folders_leave_a_git_work_tree_unless_it_ignores_them(tmp_path, monkeypatch, ignore, where):
    repo = git_repo(tmp_path / "clinic-site", ignore)
    monkeypatch.chdir(repo)
    expected = repo / "pub.quarantine" if where == "beside" else tmp_path / "clinic-site-pub.quarantine"
    assert beside(Path("pub"), ".quarantine").resolve() == expected


@needs_git
def test_a_run_in_a_git_work_tree_keeps_its_quarantine_out_of_it(tmp_path, monkeypatch):
    repo = git_repo(tmp_path / "blog")
    write(repo / "raw" / "story.txt", "My sponsor Chase Miller drove me to the clinic.\n")
    monkeypatch.chdir(repo)
    result = run("raw", "--out", "site/public/stories")
    assert result.exit_code == 0, result.stderr
    assert "blog-site-public-stories.quarantine" in result.stderr and "blog-site-public-stories.deid-work" in result.stderr
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True,
                            text=True, check=True).stdout
    assert "quarantine" not in status and "review" not in status and "deid-work" not in status


@needs_git
@pytest.mark.parametrize("option", ["--quarantine", "--review"])
def test_an_explicit_side_folder_git_would_commit_is_ignored_first_and_said(tmp_path, monkeypatch, option):
    """Named inside the work tree, the user says so: it goes into .gitignore before anything is
    written, and the run says it (issue 30); original text is never staged."""
    repo = git_repo(tmp_path / "project")
    write(repo / "raw" / "story.txt", "My sponsor Chase Miller drove me to the clinic.\n")
    monkeypatch.chdir(repo)
    ran = run("raw", "--out", str(tmp_path / "pub"), option, "private/held")
    assert ran.exit_code in (0, 1, 3), ran.stderr
    assert "added /private/held/ to" in ran.stderr and "/private/held/" in (repo / ".gitignore").read_text()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True,
                            text=True, check=True).stdout
    assert "private" not in status and ".gitignore" in status
    again = run("raw", "--out", str(tmp_path / "pub2"), option, "private/held")
    assert "added" not in again.stderr and (repo / ".gitignore").read_text().count("/private/held/") == 1


@pytest.mark.parametrize("report, why", [
    ("site/public/review.html", "looks published"),
    ("www/review.html", "looks published"),
])
def test_a_report_with_originals_is_never_written_where_it_may_be_published(site, report, why):
    result = run("export", "--out", "out", "--report", report, "--show-original")
    assert result.exit_code == 2 and why in result.stderr
    assert not (site / report).exists() and not (site / "out" / "story.txt").exists()
    assert run("export", "--out", "out2", "--report", report).exit_code == 0  # no originals: it may go there
    assert "Chase" not in (site / report).read_text()


@needs_git
def test_a_report_with_originals_is_refused_inside_a_git_work_tree(tmp_path, monkeypatch):
    repo = git_repo(tmp_path / "project")
    write(repo / "raw" / "story.txt", "My sponsor Chase Miller drove me to the clinic.\n")
    monkeypatch.chdir(repo)
    result = run("raw", "--out", str(tmp_path / "pub"), "--report", "review.html", "--show-original")
    assert result.exit_code == 2 and "git work tree" in result.stderr and not (repo / "review.html").exists()


def test_without_git_a_folder_under_dot_git_counts_as_tracked(tmp_path, monkeypatch):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "data").mkdir()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert git_tracked(tmp_path / "repo" / "data" / "held") == (tmp_path / "repo").resolve()
    assert git_tracked(tmp_path / "elsewhere") is None


@pytest.mark.parametrize("link, why", [
    ("symlink", "is a symbolic link into --out"),
    ("hardlink", "is a hard link to a file of --out"),
])
def test_an_input_file_that_is_a_file_of_out_is_refused_before_it_is_read(site, link, why):
    """A link inside an input folder to a file a previous run published: the run
    would read it and then write over it."""
    assert run("export", "--out", "out").exit_code == 0
    published = next(p for p in (site / "out").iterdir() if p.name != "deid-audit.jsonl")
    before = published.read_bytes()
    write(site / "more" / "new.txt", "Thanks to Ruairi Kessel for the ride.\n")
    target = site / "more" / "again.txt"
    if link == "symlink":
        target.symlink_to(published)
    else:
        target.hardlink_to(published)
    result = run("more", "--out", "out")
    assert result.exit_code == 2 and why in result.stderr and "more/" in result.stderr
    assert published.read_bytes() == before and sorted((site / "out").iterdir()) == [site / "out" / "deid-audit.jsonl", published]
    assert "Ruairi" not in result.stderr
