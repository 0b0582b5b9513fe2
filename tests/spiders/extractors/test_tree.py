"""The one parse of a page that its readers share: text read as a reader sees it,
hostile nesting kept bounded without losing text, and the tree never changed."""

from spiders.extractors.tree import (
    MAX_DEPTH,
    content_of,
    inline_text,
    inside,
    json_ld_of_type,
    line_of,
    meta_summary,
    text_of,
    tree_of,
    without,
)

PAGE = """<!DOCTYPE html><html lang="en"><head>
<meta name="description" content="Plain description">
<meta property="og:description" content="Open Graph description">
<script type="application/ld+json">{"@graph": [{"@type": "Event", "name": "Cluster Day"}]}</script>
</head><body><nav class="menu main-menu"><a href="/">Home</a></nav>
<main><article><h1>Cluster <em>Day</em></h1>
<p>Held on <time>4 February 2027</time>, 10:00<!-- not shown --><script>var x = 1;</script></p>
<p class="when">the 4<sup>th</sup> of May</p></article></main></body></html>"""


def test_text_is_what_a_reader_sees_without_comments_or_scripts():
    root = tree_of(PAGE)
    paragraph = root.find(".//p")
    assert text_of(paragraph) == "Held on 4 February 2027 , 10:00"
    assert line_of(paragraph) == "Held on 4 February 2027, 10:00"
    assert inline_text(root.find(".//p[@class='when']")) == "the 4th of May"


def test_content_title_meta_and_json_ld_are_read():
    root = tree_of(PAGE)
    article, title = content_of(root)
    assert (article.tag, title) == ("article", "Cluster Day")
    assert meta_summary(root) == "Open Graph description"
    assert json_ld_of_type(root, "Event")["name"] == "Cluster Day"


def test_chrome_is_found_by_tag_id_or_any_of_its_classes():
    link = tree_of(PAGE).find(".//nav/a")
    assert inside(link, classes=("main-menu",)) and inside(link, tags=("nav",))
    assert not inside(link, classes=("footer",), ids=("sidebar",))


def test_a_tree_is_parsed_once_and_never_changed_by_its_readers():
    root = tree_of(PAGE)
    assert tree_of(root) is root
    stripped = without(root.find(".//article"), "p.when, script")
    assert text_of(stripped) == "Cluster Day Held on 4 February 2027 , 10:00"
    assert "4th of May" in inline_text(root.find(".//article")) and len(root.findall(".//script")) == 2


def test_nesting_deeper_than_libxml2_keeps_is_capped_with_all_text_kept():
    html = (
        "<main><h1>Top</h1>" + "<div>" * 100_000 + "the bottom" + "</div>" * 100_000 + "<p>after</p></main>"
    )
    root = tree_of(html)
    deepest = max(sum(1 for _ in element.iterancestors()) for element in root.iter())
    assert deepest <= MAX_DEPTH + 1
    assert text_of(root) == "Top the bottom after"


def test_empty_and_nul_only_pages_give_an_empty_tree():
    for page in ("", b"", "\x00", "   "):
        assert text_of(tree_of(page)) is None
