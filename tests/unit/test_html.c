/*
 * Unit tests for net/html.c: rendering HTML descriptions to text (paragraphs, headings,
 * lists, links, entities, dropped elements, tag soup, hostile and huge input), the entity
 * decoder and the escaped-HTML and markup detectors. Table-driven with exact outputs.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/html.h"
#include "store/job.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "tests/unit/check.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define FFFD TEXT_REPLACEMENT
#define RULE "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80" \
	     "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80" \
	     "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80" \
	     "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80"
#define BULLET "\xE2\x80\xA2 "

/* The promises html_to_text() makes about the shape of every result. */
static bool
well_formed(const char *s)
{
	size_t len = strlen(s);

	if (!text_utf8_valid(s, len) || len > JOB_HTML_MAX)
		return false;
	if (len > 0 && (s[0] == '\n' || s[len - 1] == '\n'))
		return false;	/* no leading or trailing blank lines */
	if (strstr(s, "\n\n\n") || strstr(s, " \n") || (len > 0 && s[len - 1] == ' '))
		return false;	/* one blank line at most, no trailing spaces */
	if (strstr(s, "\xC2\xA0\n") || (len >= 2 && strcmp(s + len - 2, "\xC2\xA0") == 0))
		return false;
	return true;
}

static char *
render(const char *html)
{
	return html_to_text(html, strlen(html));
}

static const struct {
	const char *html, *text;
} render_cases[] = {
	/* paragraphs and white space */
	{ "<p>Hello <b>world</b>.</p><p>Second   para\ngraph</p>",
	  "Hello world.\n\nSecond para graph" },
	{ "<div><p>a</p></div><div><div><p>b</p></div></div>", "a\n\nb" },
	{ "<p>a</p>   <p>b</p>", "a\n\nb" },
	{ "a <span>b</span> <span>c</span>d", "a b cd" },
	{ "<section>s</section><article>a</article><blockquote>q</blockquote>t",
	  "s\n\na\n\nq\n\nt" },
	{ "<p>  lead and trail  </p>", "lead and trail" },
	/* headings */
	{ "<h1>Title</h1>Intro<h2>Role</h2><p>Body</p>", "Title\n\nIntro\n\nRole\n\nBody" },
	{ "text<h3>Head</h3>more", "text\n\nHead\n\nmore" },
	/* line breaks and rules */
	{ "a<br>b<br><br><br>c", "a\nb\n\nc" },
	{ "<br><br>a<br>", "a" },
	{ "<p>a<br></p><p>b</p>", "a\n\nb" },
	{ "a<hr>b", "a\n\n" RULE "\n\nb" },
	/* lists */
	{ "<ul><li>C</li><li>Unix<ul><li>Linux</li><li><p>BSD</p></li></ul></li></ul>",
	  BULLET "C\n" BULLET "Unix\n  " BULLET "Linux\n  " BULLET "BSD" },
	{ "<ol><li>one</li><li>two</li></ol>", "1. one\n2. two" },
	{ "<ol start=\"3\"><li>three</li><li>four</li></ol>", "3. three\n4. four" },
	{ "<ol start=\"x\"><li>one</li></ol>", "1. one" },
	{ "<p>We need:</p><ul><li>a</li><li>b</li></ul><p>Thanks</p>",
	  "We need:\n\n" BULLET "a\n" BULLET "b\n\nThanks" },
	{ "<ol><li><p>First</p><p>more</p></li><li>Second<br>line<ul><li>x</li></ul>back</li></ol>",
	  "1. First\n   more\n2. Second\n   line\n   " BULLET "x\n   back" },
	{ "<ul><li><ul><li>inner</li></ul></li></ul>", "\xE2\x80\xA2\n  " BULLET "inner" },
	{ "<ul><li></li><li>x</li></ul>", BULLET "x" },
	{ "<li>stray item<li>second", BULLET "stray item\n" BULLET "second" },	/* no <ul> */
	{ "<dl><dt>Term</dt><dd>Def</dd></dl>", "Term\nDef" },
	/* tables and preformatted text */
	{ "<table><tr><th>Level</th><th>Salary</th></tr><tr><td>L4</td><td>$100k</td></tr></table>",
	  "Level | Salary\n\nL4 | $100k" },
	{ "<pre>  code  here\n\ttabbed\nline3   </pre>after",
	  "  code  here\n    tabbed\nline3\n\nafter" },
	{ "<pre>a\n\n\n\nb</pre>", "a\n\nb" },
	/* links: numbered once per target, listed at the end */
	{ "See <a href=\"https://x.example/a\">our site</a> and <a href=\"https://x.example/a\">"
	  "again</a>, and <a href=\"https://y.example/b\">more</a>.",
	  "See our site [1] and again [1], and more [2].\n\n"
	  "[1] https://x.example/a\n[2] https://y.example/b" },
	{ "<a href=\"https://y.example/\">https://y.example</a>", "https://y.example" },
	{ "<a href=\"mailto:jobs@x.example\">jobs@x.example</a>", "jobs@x.example" },
	{ "<a href=\"mailto:jobs@x.example\">mail us</a>",
	  "mail us [1]\n\n[1] mailto:jobs@x.example" },
	{ "<a href=\"javascript:alert(1)\">js</a> <a href=\"/rel\">rel</a> <a href=\"#top\">top</a>"
	  " <a>none</a> <a href=\"data:text/html,x\">data</a>", "js rel top none data" },
	{ "<a href=\" https://z.example/\n\">z</a>", "z [1]\n\n[1] https://z.example/" },
	{ "<a href=\"HTTPS://Z.example/\">z</a>", "z [1]\n\n[1] HTTPS://Z.example/" },
	{ "<a href=\"https://x.example/\"><img src=\"logo.png\"></a>",
	  "[1]\n\n[1] https://x.example/" },
	{ "<p><a href=\"https://x.example/\"><p>block</p></a>next</p>",
	  "block [1]\n\nnext\n\n[1] https://x.example/" },
	{ "<a href=\"https://x.example/&amp;q=1\">q</a>", "q [1]\n\n[1] https://x.example/&q=1" },
	/* entities */
	{ "<p>It&rsquo;s &#8217;&#x27;&nbsp;a&amp;b &lt;tag&gt; &hellip;</p>",
	  "It\xE2\x80\x99s \xE2\x80\x99' a&b <tag> \xE2\x80\xA6" },
	{ "a&nbsp;&nbsp;&nbsp;b", "a b" },
	{ "AT&T &bogus; 1 < 2", "AT&T &bogus; 1 < 2" },
	{ "a&#0;b", "ab" },					/* dropped, not a cut */
	/* dropped elements */
	{ "<script>alert(1)</script><style>p{color:red}</style><p>ok</p>", "ok" },
	{ "<p>ok<!-- hidden --><noscript>nos</noscript><img src=x alt=img><template>t</template>"
	  "<iframe src=x>i</iframe><svg><text>s</text></svg><object>o</object></p>", "ok" },
	{ "<html><head><title>T</title><meta charset=\"utf-8\"></head><body>b</body></html>", "b" },
	{ "<p>a<script>document.write('<p>x</p>')</script>b</p>", "ab" },
	/* tag soup */
	{ "First para<p>Second para with <i>italics</i><p>Third "
	  "<a href=\"https://news.ycombinator.com/item?id=1\" rel=\"nofollow\">"
	  "https://news.ycombinator.com/item?id=1</a>",
	  "First para\n\nSecond para with italics\n\n"
	  "Third https://news.ycombinator.com/item?id=1" },		/* Hacker News */
	{ "<p>abc</p", "abc" },
	{ "<div><ul><li>x", BULLET "x" },
	{ "<p>trunc<b>ated", "truncated" },
	{ "<p>trunc<a href=\"https://a.example", "trunc[1]\n\n[1] https://a.example" },
	{ "<p>cut <a href=\"https://a.example/\">in the link", "cut in the link [1]\n\n"
	  "[1] https://a.example/" },
	{ "<p>x</p></div></ul></li>y", "x\n\ny" },
	{ "<p>x</p><", "x\n\n<" },
	/* encodings: bytes are UTF-8 whatever the document claims; bad ones are repaired */
	{ "<p>Z\xFCrich</p>", "Z" FFFD "rich" },
	{ "<meta charset=\"iso-8859-1\"><p>Z\xC3\xBCrich", "Z\xC3\xBCrich" },
	{ "<p>\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE \xF0\x9F\x9A\x80</p>",
	  "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE \xF0\x9F\x9A\x80" },
	/* nothing */
	{ "", "" },
	{ "   \n  ", "" },
	{ "<p></p><div> </div>", "" },
	{ "<!-- only a comment -->", "" },
};

static void
test_render(void)
{
	size_t i;

	for (i = 0; i < LEN(render_cases); i++) {
		char *out = render(render_cases[i].html);

		CHECK_STR(out, render_cases[i].text);
		CHECK(well_formed(out));
		free(out);
	}
}

static void
test_render_edges(void)
{
	char *out;

	out = html_to_text(NULL, 5);
	CHECK_STR(out, "");
	free(out);
	out = html_to_text("<p>abc</p>", 0);
	CHECK_STR(out, "");
	free(out);
	out = html_to_text("a\0b<p>c", 7);			/* NUL inside */
	CHECK_STR(out, "a" FFFD "b\n\nc");
	free(out);
	out = html_to_text("<p>abcdef</p>", 6);			/* len is honoured */
	CHECK_STR(out, "abc");
	free(out);
}

/* Entities that decode to controls are left in the text, and the sanitiser removes them. */
static void
test_render_hostile(void)
{
	static const struct {
		const char *html, *shown;
	} t[] = {
		{ "<p>&#x9b;31mred &#x202e;evil</p>", "red evil" },
		{ "<p>&#155;2Jx &#x1b;[2Jy &#27;]52;c;QQ==&#7;z</p>", "x [2Jy ]52;c;QQ==z" },
		{ "<p>a&#x2066;b&#xfeff;c&#xad;d&#x200b;e&#x85;f</p>", "abcdef" },
		/* raw ESC, BEL, BS and CR are not HTML characters: libxml2 drops them alone */
		{ "<p>\x1b]2;pwned\x07title</p>", "]2;pwnedtitle" },
		{ "<pre>\x1b[2Jcls\rx\by</pre>", "[2Jclsxy" },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		char *out = render(t[i].html);
		char *shown = text_sanitize(out, TEXT_KEEP_NEWLINES);

		CHECK(text_utf8_valid(out, strlen(out)));
		CHECK_STR(shown, t[i].shown);
		CHECK(!strstr(shown, "\x1b") && !strstr(shown, "\xC2\x9B") &&
		      !strstr(shown, "\xE2\x80\xAE"));
		free(out);
		free(shown);
	}
	/* The C1 CSI really is in the rendered text: the sanitiser is what stops it. */
	{
		char *out = render("&#x9b;");

		CHECK_STR(out, "\xC2\x9B");
		free(out);
	}
}

/* Build open * n + mid + close * n. */
static char *
repeat(const char *open, const char *mid, const char *close, size_t n)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb, 0);
	for (i = 0; i < n; i++)
		strbuf_adds(&sb, open);
	strbuf_adds(&sb, mid);
	for (i = 0; i < n; i++)
		strbuf_adds(&sb, close);
	return strbuf_detach(&sb, NULL);
}

static void
test_render_deep(void)
{
	char *html, *out;

	/* 10,000 nested <div>s: no crash; text before the nest survives (libxml2 stops at
	 * its own depth limit, so the innermost text may not). */
	html = repeat("<div>", "deep", "</div>", 10000);
	out = render(html);
	CHECK(well_formed(out));
	free(out);
	free(html);

	html = repeat("<div>", "deep", "</div>", 100000);
	out = html_to_text(html, strlen(html) < JOB_HTML_MAX ? strlen(html) : JOB_HTML_MAX);
	CHECK(well_formed(out));
	free(out);
	free(html);

	{
		char *deep = repeat("<div>", "deep", "</div>", 10000);
		struct strbuf sb;

		strbuf_init(&sb, 0);
		strbuf_adds(&sb, "<p>before</p>");
		strbuf_adds(&sb, deep);
		out = render(strbuf_str(&sb));
		CHECK(strncmp(out, "before", 6) == 0);
		CHECK(well_formed(out));
		free(out);
		free(deep);
		strbuf_done(&sb);
	}

	/* Moderate nesting renders in full. */
	html = repeat("<div>", "deep", "</div>", 200);
	out = render(html);
	CHECK_STR(out, "deep");
	free(out);
	free(html);

	/* Nested lists indent two columns per level, up to a limit. */
	html = repeat("<ul><li>a", "", "</li></ul>", 3);
	out = render(html);
	CHECK_STR(out, BULLET "a\n  " BULLET "a\n    " BULLET "a");
	free(out);
	free(html);
	html = repeat("<ul><li>a", "", "</li></ul>", 200);
	out = render(html);
	CHECK(well_formed(out));
	CHECK(!strstr(out, "                     " BULLET));	/* at most 20 columns */
	free(out);
	free(html);

	/* Nested links and unclosed inline elements. */
	html = repeat("<a href=\"https://x.example/\">", "deep", "</a>", 10000);
	out = render(html);
	CHECK(well_formed(out));
	CHECK(strstr(out, "[1] https://x.example/") != NULL);
	free(out);
	free(html);
	html = repeat("<b>", "unclosed", "", 100000);
	out = render(html);
	CHECK(well_formed(out));
	free(out);
	free(html);
}

static void
test_render_caps(void)
{
	struct strbuf sb;
	char *out;
	int i;

	/* A huge body is cut to JOB_HTML_MAX and marked. */
	strbuf_init(&sb, 0);
	for (i = 0; i < 100000; i++)
		strbuf_adds(&sb, "<p>w\xC3\xB6rd w\xC3\xB6rd</p>");
	out = html_to_text(sb.buf, sb.len);
	CHECK(well_formed(out));
	CHECK(strlen(out) <= JOB_HTML_MAX);
	CHECK(strlen(out) > JOB_HTML_MAX / 2);
	free(out);
	strbuf_done(&sb);

	/* A body that is one enormous word. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "<p>");
	for (i = 0; i < 300000; i++)
		strbuf_adds(&sb, "\xC3\xB6");
	out = html_to_text(sb.buf, sb.len);
	CHECK(well_formed(out));
	CHECK(strlen(out) <= JOB_HTML_MAX);
	free(out);
	strbuf_done(&sb);

	/* Many links: at most 200 numbers, and the list still fits. */
	strbuf_init(&sb, 0);
	for (i = 0; i < 300; i++)
		strbuf_addf(&sb, "<a href=\"https://x.example/%d\">l%d</a> ", i, i);
	out = html_to_text(sb.buf, sb.len);
	CHECK(well_formed(out));
	CHECK(strstr(out, "l199 [200]") != NULL);
	CHECK(strstr(out, "l200 [") == NULL);
	CHECK(strstr(out, "\n[200] https://x.example/199") != NULL);
	CHECK(strstr(out, "[201]") == NULL);
	free(out);
	strbuf_done(&sb);

	/* Many long links and a long body: the whole stays within the cap. */
	strbuf_init(&sb, 0);
	for (i = 0; i < 200; i++) {
		int j;

		strbuf_addf(&sb, "<a href=\"https://x.example/%d/", i);
		for (j = 0; j < 1000; j++)
			strbuf_addc(&sb, 'p');
		strbuf_adds(&sb, "\">link</a> ");
	}
	for (i = 0; i < 60000; i++)
		strbuf_adds(&sb, "<p>text text</p>");
	out = html_to_text(sb.buf, sb.len);
	CHECK(well_formed(out));
	CHECK(strlen(out) <= JOB_HTML_MAX);
	CHECK(strstr(out, "\n[200] https://x.example/199/ppp") != NULL);
	free(out);
	strbuf_done(&sb);

	/* A link target beyond JOB_FIELD_MAX is not numbered. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "<a href=\"https://x.example/");
	for (i = 0; i < JOB_FIELD_MAX; i++)
		strbuf_addc(&sb, 'p');
	strbuf_adds(&sb, "\">long</a>");
	out = html_to_text(sb.buf, sb.len);
	CHECK_STR(out, "long");
	free(out);
	strbuf_done(&sb);
}

/* libxml2 must never write to stderr (its default handler echoes raw input there). */
static void
test_render_silent(void)
{
	static const char *const t[] = {
		"<p>\x1b]2;pwned\x07</p></div></span><x:y>&bogus;<a href=\"x\" href=\"y\">",
		"<!DOCTYPE html SYSTEM \"http://x.example/dtd\"><p>&#xFFFFFFFFF; &#0; <?php x ?>",
		"\xFF\xFE<\x80p>\xC0\xAF<div <a <<<>>> </ >",
		"<table><td><tr><li><dd><option><select><p>",
	};
	FILE *tmp = tmpfile();
	int fd, saved;
	size_t i;
	off_t size;

	CHECK(tmp != NULL);
	if (!tmp)
		return;
	fd = fileno(tmp);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	for (i = 0; i < LEN(t); i++)
		free(render(t[i]));
	fflush(stderr);
	size = lseek(fd, 0, SEEK_END);
	dup2(saved, STDERR_FILENO);
	close(saved);
	fclose(tmp);
	CHECK_INT(size, 0);
}

static void
test_unescape(void)
{
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "&rsquo;", "\xE2\x80\x99" },
		{ "&#8217;", "\xE2\x80\x99" },
		{ "&#x27;", "'" },
		{ "&#X27;", "'" },
		{ "&#39", "'" },				/* numeric without ';' */
		{ "&nbsp;", "\xC2\xA0" },
		{ "&apos;&quot;&lt;&gt;&amp;", "'\"<>&" },
		{ "&hellip; &euro; &eacute;", "\xE2\x80\xA6 \xE2\x82\xAC \xC3\xA9" },
		{ "&amp;lt;p&amp;gt;", "&lt;p&gt;" },		/* once, not recursively */
		{ "&#0;", FFFD },
		{ "a&#0;b", "a" FFFD "b" },			/* no truncation */
		{ "&#xD800;", FFFD },				/* surrogate */
		{ "&#x110000;", FFFD },
		{ "&#99999999999999999999;", FFFD },		/* overflow */
		{ "&#x9b;", "\xC2\x9B" },			/* left for the sanitiser */
		{ "&#x202e;", "\xE2\x80\xAE" },
		{ "&#x1F680;", "\xF0\x9F\x9A\x80" },
		{ "&bogus; AT&T & &; &#; &#x; &#xg;", "&bogus; AT&T & &; &#; &#x; &#xg;" },
		{ "&amp", "&amp" },				/* named needs ';' */
		{ "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;", "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;" },
		{ "plain", "plain" },
		{ "", "" },
		{ "&", "&" },
		{ "x&", "x&" },
	};
	size_t i;
	char *out;

	for (i = 0; i < LEN(t); i++) {
		out = html_unescape(t[i].in);
		CHECK_STR(out, t[i].out);
		free(out);
	}
	out = html_unescape(NULL);
	CHECK_STR(out, "");
	free(out);
}

static void
test_is_escaped(void)
{
	static const struct {
		const char *in;
		bool escaped;
	} t[] = {
		{ "&lt;p&gt;Hello&lt;/p&gt;", true },
		{ "&lt;div class=&quot;x&quot;&gt;hi&lt;/div&gt;", true },
		{ "Intro &lt;br/&gt; more", true },
		{ "&LT;P&GT;shouting", true },
		{ "&#60;p&#62;numeric", true },
		{ "&#x3C;ul&#x3E;&#x3C;li&#x3E;x", true },
		{ "<p>Use &lt;div&gt; tags</p>", false },		/* real markup */
		{ "a &lt; b and c &gt; d", false },
		{ "&lt;3 &lt;3", false },
		{ "&lt;p unclosed", false },
		{ "plain text", false },
		{ "", false },
		{ "&amp;lt;p&amp;gt;", false },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		if (html_is_escaped(t[i].in) != t[i].escaped)
			fprintf(stderr, "html_is_escaped(\"%s\")\n", t[i].in);
		CHECK(html_is_escaped(t[i].in) == t[i].escaped);
	}
	CHECK(!html_is_escaped(NULL));

	/* What a caller does with it: unescape once, then render. */
	{
		char *html = html_unescape("&lt;p&gt;Hello &amp;amp; bye&lt;/p&gt;&lt;ul&gt;&lt;li&gt;x");
		char *out = render(html);

		CHECK_STR(out, "Hello & bye\n\n" BULLET "x");
		free(out);
		free(html);
	}
}

static void
test_has_markup(void)
{
	static const struct {
		const char *in;
		bool markup;
	} t[] = {
		{ "<p>x", true },
		{ "</div>", true },
		{ "<!-- c -->", true },
		{ "<br/>", true },
		{ "a &amp; b", true },
		{ "&#39;", true },
		{ "&#x27;", true },
		{ "a & b", false },
		{ "AT&T", false },
		{ "&bogus;", false },
		{ "x < y", false },
		{ "1 <2", false },
		{ "plain", false },
		{ "", false },
	};
	size_t i;

	for (i = 0; i < LEN(t); i++) {
		if (html_has_markup(t[i].in) != t[i].markup)
			fprintf(stderr, "html_has_markup(\"%s\")\n", t[i].in);
		CHECK(html_has_markup(t[i].in) == t[i].markup);
	}
	CHECK(!html_has_markup(NULL));
}

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t
next_random(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

/* Random soup of tags, entities and bytes: always well formed, never a crash. */
static void
test_render_random(void)
{
	static const char *const pieces[] = {
		"<p>", "</p>", "<div>", "</div>", "<ul>", "</ul>", "<ol start=\"7\">", "</ol>",
		"<li>", "</li>", "<br>", "<hr>", "<pre>", "</pre>", "<a href=\"https://x.example/\">",
		"<a href=\"https://y.example/\">", "</a>", "<table>", "<tr>", "<td>", "<h2>", "</h2>",
		"<script>", "</script>", "<!--", "-->", "&amp;", "&#x9b;", "&#0;", "&nbsp;", " ",
		"\n", "\t", "word", "\xC3\xBC", "\xE6\xA0\xAA", "\xFF", "\x1b", "<", ">", "&", "\"",
	};
	uint32_t state = 4242;
	struct strbuf sb;
	int i, j;

	strbuf_init(&sb, 0);
	for (i = 0; i < 3000; i++) {
		int n = (int)(next_random(&state) % 40);

		strbuf_reset(&sb);
		strbuf_add(&sb, "", 0);
		for (j = 0; j < n; j++)
			strbuf_adds(&sb, pieces[next_random(&state) % LEN(pieces)]);
		{
			char *out = html_to_text(sb.buf, sb.len);

			CHECK(well_formed(out));
			free(out);
		}
	}
	strbuf_done(&sb);
}

int
main(void)
{
	RUN(test_render);
	RUN(test_render_edges);
	RUN(test_render_hostile);
	RUN(test_render_deep);
	RUN(test_render_caps);
	RUN(test_render_silent);
	RUN(test_unescape);
	RUN(test_is_escaped);
	RUN(test_has_markup);
	RUN(test_render_random);
	return CHECK_DONE();
}
