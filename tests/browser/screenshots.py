"""Screenshots the journeys leave behind for a person to look at (var/ is ignored)."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCREENSHOTS_DIR = PROJECT_DIR / "var" / "test-artifacts" / "screenshots"


def save_screenshot(page, name: str) -> Path:
    """Saves the whole page as var/test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def save_screenshots_at_widths(page, name: str, widths=(390, 1280)) -> list[Path]:
    """Screenshots the page at each width (``<name>-<width>.png``), then puts the
    viewport back as it was."""
    original = page.viewport_size
    paths = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": original["height"]})
        paths.append(save_screenshot(page, f"{name}-{width}"))
    page.set_viewport_size(original)
    return paths
