"""HTML: charset sniffing, boilerplate removal, main block by CJK density."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ingest import read_document
from analyzer.ingest.html import read_html, sniff_charset

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>2024年工会工作计划_范文网</title>
<script>var 广告 = "不要我";</script><style>.x{{color:red}}</style></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/fw">范文大全</a> <a href="/jh">工作计划</a></div>
<div class="breadcrumb">首页 &gt; 工作计划 &gt; 工会工作计划</div>
<div id="main">
  <h1>2024年工会工作计划</h1>
  <div class="info">时间:2024-01-05 我要投稿</div>
  <div class="content">
    <p>一、指导思想</p>
    <p>坚持以职工为中心,全心全意依靠工人阶级,团结动员广大职工建功新时代。</p>
    <p>二、主要工作<br>1、召开职工代表大会,审议通过年度工作报告。<br>2、开展送温暖活动。</p>
    <table><tr><td>三月</td><td>开展三八活动</td><td>女工委</td></tr></table>
  </div>
  <div class="share-box">分享到:微信 微博</div>
</div>
<div class="related"><h3>相关文章</h3><ul><li>2023年工会工作总结范文精选十篇</li><li>工会工作计划范文大全</li></ul></div>
<aside>热门推荐:学校工会工作计划怎么写才能写得又快又好呢</aside>
<div class="footer">版权所有 范文网 备案号:123456号 联系我们 关于我们 网站地图</div>
</body></html>
"""
EXPECTED = [
    "2024年工会工作计划",
    "一、指导思想",
    "坚持以职工为中心,全心全意依靠工人阶级,团结动员广大职工建功新时代。",
    "二、主要工作",
    "1、召开职代表大会,审议通过年度工作报告。".replace("职代表", "职工代表"),
    "2、开展送温暖活动。",
    "三月 | 开展三八活动 | 女工委",
]


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gbk", "gbk"), ("gb2312", "gb2312")])
def test_article_text_only(tmp_path: Path, charset: str, codec: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(codec))
    doc = read_document(path)
    assert doc.encoding == f"html:{charset}"
    assert [line for line in doc.lines if line] == EXPECTED


def test_wrong_meta_charset_falls_back_to_cascade() -> None:
    data = PAGE.format(charset="utf-8").encode("gbk")
    raw = read_html(data)
    assert raw.encoding == "html:gb18030"
    assert "一、指导思想" in raw.lines


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (b'<meta charset="GBK">', "gbk"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=big5">', "big5"),
        (b"<p>no charset</p>", None),
        (b'<meta charset="no-such-codec">', None),
    ],
)
def test_sniff_charset(data: bytes, charset: str | None) -> None:
    assert sniff_charset(data) == charset


def test_html_served_as_txt(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.format(charset="utf-8").encode())
    assert read_document(path).encoding == "html:utf-8"
