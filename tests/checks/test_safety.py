"""Safety of contributed content (SAFE-*) and media (IMG-*): one bad example per rule."""

from __future__ import annotations

from projects import NOTE_HEADER_ZH as ZH


def safety(check, body: str) -> list[str]:
    return check({"zh/a.md": ZH + body}, only="safety")


def test_safe_1_script_iframe_object_embed(check):
    body = ('<script>alert(1)</script>\n\n<iframe src="https://example.com/"></iframe>\n\n'
            '<object data="x.swf"></object> <embed src="x.swf">\n')
    assert safety(check, body) == [
        "docs/zh/a.md:7: SAFE-1 <script> runs code: it is not allowed in notes (remove it; draw with a table, "
        "mermaid or math instead)",
        "docs/zh/a.md:9: SAFE-1 <iframe> embeds another site: it is not allowed in notes (remove it; draw with a "
        "table, mermaid or math instead)",
        "docs/zh/a.md:11: SAFE-1 <object> embeds a plugin or another document: it is not allowed in notes (remove "
        "it; draw with a table, mermaid or math instead)",
        "docs/zh/a.md:11: SAFE-1 <embed> embeds a plugin or another document: it is not allowed in notes (remove "
        "it; draw with a table, mermaid or math instead)"]


def test_safe_1_tag_split_over_lines(check):
    assert safety(check, '<script\n  src="x.js">\n</script>\n') == [
        "docs/zh/a.md:7: SAFE-1 <script> runs code: it is not allowed in notes (remove it; draw with a table, "
        "mermaid or math instead)"]


def test_safe_2_inline_event_handlers(check):
    assert safety(check, '<span onclick="steal()">点我</span> 和 <img src="a.svg" alt="图" onerror="x()">\n') == [
        "docs/zh/a.md:7: SAFE-2 inline event handler onclick= on <span> (remove the attribute; notes carry no "
        "scripts)",
        "docs/zh/a.md:7: SAFE-2 inline event handler onerror= on <img> (remove the attribute; notes carry no "
        "scripts)"]


def test_safe_3_script_and_data_urls(check):
    body = "[点我](javascript:alert(1)) 和 <a href=\"java\tscript:x()\">链接</a> 和 [下载](data:text/html,hi)\n"
    assert safety(check, body) == [
        "docs/zh/a.md:7: SAFE-3 link to a javascript: URL (link to a page instead; notes carry no scripts)",
        "docs/zh/a.md:7: SAFE-3 <a href=…> to a javascript: URL (link to a page instead; notes carry no scripts)",
        "docs/zh/a.md:7: SAFE-3 link to a data: URL (store the file in the repository and link to it)"]


def test_img_1_hot_linked_images_and_media(check):
    body = ("![架构图](https://pic1.zhimg.com/v2-abc.jpg)\n\n"
            '<img src="//cdn.example.com/a.png" alt="图">\n\n'
            '<video poster="https://example.com/p.jpg"><source src="https://example.com/v.mp4"></video>\n\n'
            "![引用式][fig]\n\n[fig]: http://example.org/fig.png\n")
    assert safety(check, body) == [
        "docs/zh/a.md:7: IMG-1 image is loaded from another host (pic1.zhimg.com) (save the file under "
        "docs/<lang>/assets/ (with its licence) and link it relatively, or redraw it as a table or mermaid diagram)",
        "docs/zh/a.md:9: IMG-1 <img src=…> is loaded from another host (cdn.example.com) (save the file under "
        "docs/<lang>/assets/ (with its licence) and link it relatively, or redraw it as a table or mermaid diagram)",
        "docs/zh/a.md:11: IMG-1 <video poster=…> is loaded from another host (example.com) (save the file under "
        "docs/<lang>/assets/ (with its licence) and link it relatively, or redraw it as a table or mermaid diagram)",
        "docs/zh/a.md:11: IMG-1 <source src=…> is loaded from another host (example.com) (save the file under "
        "docs/<lang>/assets/ (with its licence) and link it relatively, or redraw it as a table or mermaid diagram)",
        "docs/zh/a.md:13: IMG-1 image is loaded from another host (example.org) (save the file under "
        "docs/<lang>/assets/ (with its licence) and link it relatively, or redraw it as a table or mermaid diagram)"]


def test_img_1_css_url(check):
    assert safety(check, '<span style="background: url(https://example.com/x.png)">字</span>\n') == [
        'docs/zh/a.md:7: IMG-1 style attribute loads "https://example.com/x.png" (store the file in the repository, '
        'or drop the style)']


def test_img_2_alt_text(check):
    assert safety(check, '![](assets/a.svg)\n\n<img src="assets/b.svg">\n') == [
        "docs/zh/a.md:7: IMG-2 image without alternative text (describe the image in the brackets: ![what it "
        "shows](file.svg))",
        'docs/zh/a.md:9: IMG-2 <img> without alternative text (add alt="what it shows")']


def test_local_images_small_html_and_code_are_fine(check):
    body = ("![GPT-3 的结构](assets/gpt-3.svg)\n\n<sup>1</sup><br><details><summary>更多</summary>内容</details>\n\n"
            "```html\n<script>alert(1)</script>\n```\n\n行内 `<iframe src=x>` 也不算。\n\n<!-- <script> -->\n")
    assert safety(check, body) == []


def test_obfuscated_scripts_are_caught(check):
    body = '<a href="&#106;avascript:x()">链接</a>\n\n<svg/onload=alert(1)></svg>\n\n<IFRAME/src="https://example.com/">\n'
    assert safety(check, body) == [
        "docs/zh/a.md:7: SAFE-3 <a href=…> to a javascript: URL (link to a page instead; notes carry no scripts)",
        "docs/zh/a.md:9: SAFE-2 inline event handler onload= on <svg> (remove the attribute; notes carry no scripts)",
        "docs/zh/a.md:11: SAFE-1 <iframe> embeds another site: it is not allowed in notes (remove it; draw with a "
        "table, mermaid or math instead)"]
