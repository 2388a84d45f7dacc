/*
 * Unit tests of the company career-board parsers (Greenhouse, Lever, Ashby, SmartRecruiters,
 * Recruitee, Workable, Personio): every fixture under tests/fixtures/<format>/ is detected
 * from its URL and first bytes, parsed through feed_parse() into a collecting sink, from
 * memory and from a file, and the values of its postings are asserted; hand-made fixtures
 * and inline documents cover each quirk, wrong types in every field and documents of the
 * wrong shape; then detection, board URLs turned into API URLs, and refresh intervals.
 * The sink, fixtures and checks every parse gets are tests/unit/feedtest.h's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/feed.h"
#include "store/job.h"
#include "store/strbuf.h"
#include "tests/unit/check.h"
#include "tests/unit/feedtest.h"

/* ---- helpers ------------------------------------------------------------------------------- */

#define CHECK_NO_SALARY(j) do { \
	CHECK((j)->salary_min == 0 && (j)->salary_max == 0); \
	CHECK((j)->salary_currency == NULL); \
} while (0)

/* ---- Greenhouse ---------------------------------------------------------------------------- */

#define GH_API "https://boards-api.greenhouse.io/v1/boards/"

static void
test_greenhouse_vercel(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("greenhouse/greenhouse-vercel-content-true.json",
		      GH_API "vercel/jobs?content=true", "greenhouse", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	CHECK_INT(p.skipped, 0);
	CHECK_STR(p.title, "Vercel");
	j = p.jobs.n ? &p.jobs.v[0] : NULL;
	if (j) {
		CHECK_STR(j->guid, "6136160004");
		CHECK_STR(j->title, "Account Executive, Commercial");
		CHECK_STR(j->company, "Vercel");
		CHECK_STR(j->location, "Hybrid - London; London, England, United Kingdom");
		CHECK(j->hybrid);
		CHECK(!j->remote);
		CHECK_NO_SALARY(j);
		CHECK(j->employment_type == NULL);
		CHECK_INT(j->posted, 1786035010);	/* first_published, -04:00 */
		CHECK_STR(j->url, "https://job-boards.greenhouse.io/vercel/jobs/6136160004");
		CHECK(j->apply_url == NULL);
		CHECK_STR(j->tags, "Account Executive, Sales");
		/* escaped HTML, unescaped once and rendered */
		CHECK(contains(j->description_html, "<h2>About Vercel:</h2>"));
		CHECK(contains(j->description_text, "About Vercel:"));
		CHECK(contains(j->description_text, "ship what's next"));
		CHECK(!strstr(j->description_text, "&lt;") && !strstr(j->description_text, "<p>"));
	}
	if ((j = by_guid(&p, "5999792004"))) {
		CHECK_STR(j->title, "Account Executive, Majors");
		CHECK_INT(j->posted, 1779369969);
	}
	parsed_done(&p);
}

static void
test_greenhouse_gitlab(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("greenhouse/greenhouse-gitlab-trimmed.json",
		      GH_API "gitlab/jobs?content=true", "greenhouse", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if ((j = by_guid(&p, "8556658002"))) {	/* past 2^32: exact through valuedouble */
		CHECK_STR(j->title, "AI Engineer");
		CHECK_STR(j->company, "GitLab");
		CHECK_STR(j->location, "Remote, Bangalore");
		CHECK(j->remote);
		CHECK(!j->hybrid);
		CHECK_INT(j->posted, 1779455789);
		CHECK(contains(j->description_text, "GitLab is the intelligent orchestration"));
		CHECK_NO_SALARY(j);
	}
	parsed_done(&p);
}

static void
test_greenhouse_docs(void)
{
	struct parsed p;
	struct job *j;

	/* the docs' example: double-escaped content, no company_name, offices */
	parse_fixture("greenhouse/greenhouse-docs-list-content-true.json",
		      GH_API "vaulttec/jobs?content=true", "greenhouse", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if ((j = by_guid(&p, "127817"))) {
		CHECK_STR(j->title, "Vault Designer");
		CHECK_STR(j->company, "vaulttec");
		CHECK_STR(j->location, "NYC; United States; New York, NY, United States");
		CHECK_INT(j->posted, 1452786928);	/* updated_at: no first_published */
		CHECK_STR(j->url, "https://boards.greenhouse.io/vaulttec/jobs/127817");
		CHECK_STR(j->tags, "Department of Departments");
		CHECK(contains(j->description_text, "This is the job description."));
		CHECK(contains(j->description_text, "Any HTML included through the hosted job"));
		CHECK(!strstr(j->description_text, "&lt;") && !strstr(j->description_text, "<p>"));
		CHECK(!strstr(j->description_text, "&amp;"));
	}
	parsed_done(&p);

	/* one job with pay_transparency: cents */
	parse_fixture("greenhouse/greenhouse-docs-single-job-pay.json",
		      GH_API "yourco/jobs/44444?pay_transparency=true", "greenhouse", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if ((j = by_guid(&p, "44444"))) {
		CHECK_STR(j->title, "Product Engineer");
		CHECK_STR(j->company, "yourco");
		CHECK_STR(j->location, "San Francisco, CA");
		CHECK_SALARY(j, 50000, 75000, "USD", "year");
		CHECK_INT(j->posted, 1372793963);
		CHECK_STR(j->url, "http://your.co/careers?gh_jid=444444");
		CHECK(j->tags == NULL);	/* "Field Name" is no category */
		CHECK(contains(j->description_text, "Any HTML included"));
	}
	parsed_done(&p);
}

static void
test_greenhouse_quirks(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("greenhouse/greenhouse-quirks.json", GH_API "acmeco/jobs?content=true",
		      "greenhouse", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.skipped, 5);	/* wrong types throughout, and four non-objects */
	CHECK_STR(p.title, "acmeco");
	if ((j = by_guid(&p, "4000000000123"))) {
		CHECK_STR(j->title, "Staff Engineer");
		CHECK_STR(j->company, "acmeco");
		CHECK_STR(j->location, "Remote - US; San Francisco, CA, United States");
		CHECK(j->remote);
		/* two USD ranges merged, the EUR one left out */
		CHECK_SALARY(j, 130000, 210000, "USD", "year");
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 1772373600);
		CHECK_STR(j->tags, "Engineering, Platform, Software, Infrastructure");
		CHECK_STR(j->description_text, "Build things & ship them.");
	}
	if ((j = by_guid(&p, "7"))) {
		CHECK_STR(j->title, "Barista");
		CHECK_STR(j->location, "Berlin");
		CHECK_SALARY(j, 20, 25, "EUR", "hour");
		CHECK_INT(j->posted, 1772704800);
		/* raw HTML is not unescaped a second time */
		CHECK_STR(j->description_text, "Raw HTML & coffee");
	}
	if ((j = by_guid(&p, "8"))) {	/* a member nested too deep is dropped, not the job */
		CHECK_STR(j->title, "Deep");
		CHECK_STR(j->company, "acmeco");
	}
	parsed_done(&p);

	/* no URL: the company comes from absolute_url */
	parse_fixture("greenhouse/greenhouse-quirks.json", NULL, "greenhouse", &p);
	if ((j = by_guid(&p, "4000000000123")))
		CHECK_STR(j->company, "acmeco");
	if ((j = by_guid(&p, "8")))
		CHECK(j->company == NULL);
	parsed_done(&p);

	run_str("greenhouse", GH_API "x/jobs", "{\"jobs\": [], \"meta\": {\"total\": 0}}", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);
}

/* ---- Lever --------------------------------------------------------------------------------- */

static void
test_lever_spotify(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("lever/lever-spotify-mode-json.json",
		      "https://api.lever.co/v0/postings/spotify?mode=json", "lever", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_INT(p.skipped, 0);
	CHECK_STR(p.title, "spotify");
	if ((j = by_guid(&p, "2193db3f-77c5-43b8-b030-8f92c9882bf1"))) {
		CHECK_STR(j->title, "Android Engineer - Experience");
		CHECK_STR(j->company, "spotify");
		CHECK_STR(j->location, "London; Stockholm");
		CHECK(j->hybrid);
		CHECK(!j->remote);
		CHECK_NO_SALARY(j);
		CHECK_STR(j->employment_type, "permanent");
		CHECK_INT(j->posted, 1782214185);	/* createdAt in milliseconds */
		CHECK_STR(j->url, "https://jobs.lever.co/spotify/"
			  "2193db3f-77c5-43b8-b030-8f92c9882bf1");
		CHECK_STR(j->apply_url, "https://jobs.lever.co/spotify/"
			  "2193db3f-77c5-43b8-b030-8f92c9882bf1/apply");
		CHECK_STR(j->tags, "Experience, Engineering");
		CHECK(contains(j->description_text, "We design Spotify\xE2\x80\x99s consumer"));
		CHECK(contains(j->description_text, "What You'll Do"));
		CHECK(contains(j->description_text, "\xE2\x80\xA2 Develop and maintain mobile"));
		CHECK(contains(j->description_text, "Where You'll Be"));
		CHECK(contains(j->description_text, "Spotify is an equal opportunity employer"));
	}
	parsed_done(&p);
}

static void
test_lever_zoox(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("lever/lever-zoox-salary-trimmed.json",
		      "https://api.lever.co/v0/postings/zoox?mode=json", "lever", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if ((j = by_guid(&p, "f4746da4-8eb8-43e2-b7ce-bf3c7cf9640d"))) {
		CHECK_STR(j->title, "Autonomy System Test Engineer");
		CHECK_STR(j->company, "zoox");
		CHECK_STR(j->location, "Foster City, CA");
		CHECK(j->hybrid);
		CHECK_SALARY(j, 144000, 193000, "USD", "year");	/* per-year-salary */
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 0);
		CHECK_STR(j->tags, "Software Platforms and Product");
		CHECK(contains(j->description_text, "Autonomous vehicles have some of the"));
		CHECK(contains(j->description_text, "In this role, you will:"));
		CHECK(contains(j->description_text, "Create test strategies and test plans"));
		CHECK(contains(j->description_text, "About Zoox"));
	}
	parsed_done(&p);

	/* no URL: the site comes from hostedUrl */
	parse_fixture("lever/lever-zoox-salary-trimmed.json", NULL, "lever", &p);
	if (p.jobs.n)
		CHECK_STR(p.jobs.v[0].company, "zoox");
	parsed_done(&p);
}

static void
test_lever_quirks(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("lever/lever-eu-quirks.json",
		      "https://api.eu.lever.co/v0/postings/acme-eu?mode=json", "lever", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.skipped, 4);	/* a posting of wrong types only, three non-objects */
	if ((j = by_guid(&p, "0c1d2e3f-0000-4000-8000-000000000001"))) {
		CHECK_STR(j->title, "Data Engineer");
		CHECK_STR(j->company, "acme-eu");
		CHECK_STR(j->location, "Amsterdam; Remote - Netherlands");
		CHECK(j->remote);
		CHECK(!j->hybrid);
		CHECK_NO_SALARY(j);	/* no salaryRange, and no figure in the text */
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 1767225600);
		CHECK_STR(j->tags, "Data, R&D");
		CHECK_STR(j->apply_url, "https://jobs.eu.lever.co/acme-eu/"
			  "0c1d2e3f-0000-4000-8000-000000000001/apply");
		/* plain text kept as text inside the HTML, not taken for markup */
		CHECK(contains(j->description_text, "Fast & safely <always>."));
		CHECK(contains(j->description_text, "Requirements & skills"));
		CHECK(contains(j->description_text, "\xE2\x80\xA2 SQL"));
		CHECK(contains(j->description_text, "Pay is discussed in the first call."));
		CHECK(contains(j->description_text, "Equal opportunity employer."));
	}
	if ((j = by_guid(&p, "0c1d2e3f-0000-4000-8000-000000000002"))) {
		CHECK_SALARY(j, 18, 22, "EUR", "hour");	/* per-hour-wage */
		CHECK_STR(j->employment_type, "part-time");
		CHECK(!j->remote && !j->hybrid);
		CHECK_INT(j->posted, 1767312000);
		CHECK(j->apply_url == NULL);
	}
	if ((j = by_guid(&p, "0c1d2e3f-0000-4000-8000-000000000003"))) {
		CHECK_NO_SALARY(j);	/* a one-time amount is no salary */
		CHECK(j->hybrid);
		CHECK_STR(j->employment_type, "contract");
		CHECK_INT(j->posted, 1767398400);	/* milliseconds in a string */
		CHECK(contains(j->description_text, "Opening words."));
		CHECK(contains(j->description_text, "Body words."));
	}
	parsed_done(&p);

	run_str("lever", "https://api.lever.co/v0/postings/empty?mode=json", "[]", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);

	/* one posting (.../postings/{site}/{id}) is the object itself */
	run_str("lever", "https://api.lever.co/v0/postings/one/abc",
		"{\"id\": \"abc\", \"text\": \"Solo\", \"hostedUrl\": "
		"\"https://jobs.lever.co/one/abc\"}", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if (p.jobs.n) {
		CHECK_STR(p.jobs.v[0].title, "Solo");
		CHECK_STR(p.jobs.v[0].company, "one");
	}
	parsed_done(&p);
}

/* ---- Ashby --------------------------------------------------------------------------------- */

#define ASHBY_API "https://api.ashbyhq.com/posting-api/job-board/"

static void
test_ashby_linear(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("ashby/ashby-linear-job-board.json",
		      ASHBY_API "linear?includeCompensation=true", "ashby", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	CHECK_INT(p.skipped, 0);
	CHECK_STR(p.title, "linear");
	if ((j = by_guid(&p, "d3bc1ced-3ce4-4086-a050-555055dbb1ff"))) {
		CHECK_STR(j->title, "Senior / Staff Fullstack Engineer");
		CHECK_STR(j->company, "linear");
		CHECK_STR(j->location, "Europe");
		CHECK(j->remote);
		CHECK(!j->hybrid);
		CHECK_NO_SALARY(j);	/* all-null compensation; "40,000 companies" is none */
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 1619554425);
		CHECK_STR(j->url, "https://jobs.ashbyhq.com/linear/"
			  "d3bc1ced-3ce4-4086-a050-555055dbb1ff");
		CHECK_STR(j->apply_url, "https://jobs.ashbyhq.com/linear/"
			  "d3bc1ced-3ce4-4086-a050-555055dbb1ff/application");
		CHECK_STR(j->tags, "Product, Engineering");
		CHECK(contains(j->description_text, "At Linear, we're building the product"));
	}
	if ((j = by_guid(&p, "cd5ae036-0223-427a-b038-ba16ef9dcb32"))) {
		CHECK_STR(j->location, "North America");
		CHECK_INT(j->posted, 1629319706);
	}
	parsed_done(&p);
}

static void
test_ashby_compensation(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("ashby/ashby-ashby-compensation-trimmed.json",
		      ASHBY_API "ashby?includeCompensation=true", "ashby", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if ((j = by_guid(&p, "7458d4e9-da2e-47bd-98cb-adfda43d42b2"))) {
		CHECK_STR(j->title, "Engineering Manager - EU");
		CHECK_STR(j->company, "ashby");
		CHECK_STR(j->location, "Remote - European Union");
		CHECK(j->remote);
		/* the Salary component, not the Bonus one before it */
		CHECK_SALARY(j, 110000, 185000, "EUR", "year");
		CHECK(j->apply_url == NULL);
		CHECK(contains(j->description_text, "How do you feel about software engineers"));
	}
	parsed_done(&p);
}

static void
test_ashby_quirks(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("ashby/ashby-quirks.json", ASHBY_API "Acme%20Labs?includeCompensation=true",
		      "ashby", &p);
	CHECK_RC(p.rc, JT_OK);
	/* the unlisted job is left out and not counted; wrong types and non-objects are */
	CHECK_INT(p.jobs.n, 2);
	CHECK_INT(p.skipped, 3);
	for (size_t i = 0; i < p.jobs.n; i++)
		CHECK(strcmp(p.jobs.v[i].guid, "a1") != 0);
	if ((j = by_guid(&p, "a2"))) {
		CHECK_STR(j->title, "Hybrid Designer");
		CHECK_STR(j->company, "Acme Labs");
		CHECK_STR(j->location, "London; Manchester; Leeds");
		CHECK(j->hybrid);
		CHECK(!j->remote);	/* isRemote, but workplaceType says Hybrid */
		CHECK_SALARY(j, 40, 50, "GBP", "hour");
		CHECK_STR(j->employment_type, "part-time");
		CHECK_INT(j->posted, 1770091506);
		CHECK_STR(j->tags, "Design, Brand");
		CHECK_STR(j->description_text, "Design & things.");
	}
	if ((j = by_guid(&p, "a3"))) {
		CHECK_STR(j->employment_type, "internship");
		CHECK_STR(j->location, "Austin, TX, USA");
		CHECK(!j->remote && !j->hybrid);
		/* null amounts: the summary text instead */
		CHECK_SALARY(j, 30000, 40000, "USD", "year");
		CHECK_STR(j->description_text, "Plain text only.");
		CHECK_INT(j->posted, 1770163200);
	}
	parsed_done(&p);

	/* no URL: the board (decoded) comes from jobUrl */
	parse_fixture("ashby/ashby-quirks.json", NULL, "ashby", &p);
	if ((j = by_guid(&p, "a2")))
		CHECK_STR(j->company, "Acme Labs");
	parsed_done(&p);

	run_str("ashby", ASHBY_API "x", "{\"apiVersion\": \"1\", \"jobs\": []}", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);
}

/* ---- SmartRecruiters ----------------------------------------------------------------------- */

#define SR_API "https://api.smartrecruiters.com/v1/companies/"

static void
test_smartrecruiters_list(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("smartrecruiters/smartrecruiters-ubisoft-list.json",
		      SR_API "Ubisoft2/postings?limit=2", "smartrecruiters", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_STR(p.title, "Ubisoft");
	/* 1 of 310 read from offset 0: the next page starts after it */
	CHECK_STR(p.next_url, SR_API "Ubisoft2/postings?limit=2&offset=1");
	if ((j = by_guid(&p, "744000151912444"))) {	/* a 15-digit string id */
		CHECK_STR(j->title, "Sp\xC3\xA9" "cialiste Fiabilit\xC3\xA9 outils et "
			  "infrastructures - TGQF");
		CHECK_STR(j->company, "Ubisoft");
		CHECK_STR(j->location, "Montreal, QC, Canada");
		CHECK(!j->remote && !j->hybrid);	/* "Office-based" */
		CHECK_NO_SALARY(j);
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 1790360332);
		CHECK_STR(j->url, "https://jobs.smartrecruiters.com/Ubisoft2/744000151912444");
		CHECK(j->apply_url == NULL);
		CHECK_STR(j->tags, "Ubisoft, Engineering");
		CHECK(j->description_html == NULL);	/* the list has none */
	}
	parsed_done(&p);

	/* the next page of a later page */
	parse_fixture("smartrecruiters/smartrecruiters-ubisoft-list.json",
		      SR_API "Ubisoft2/postings?offset=0&limit=2#x", "smartrecruiters", &p);
	CHECK_STR(p.next_url, SR_API "Ubisoft2/postings?offset=1&limit=2#x");
	parsed_done(&p);

	/* not from the postings list URL: no next page */
	parse_fixture("smartrecruiters/smartrecruiters-ubisoft-list.json",
		      "file:///tmp/ubisoft.json", "smartrecruiters", &p);
	CHECK(p.next_url == NULL);
	if (p.jobs.n)
		CHECK_STR(p.jobs.v[0].url,
			  "https://jobs.smartrecruiters.com/Ubisoft2/744000151912444");
	parsed_done(&p);
}

static void
test_smartrecruiters_detail(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("smartrecruiters/smartrecruiters-bosch-detail-trimmed.json",
		      SR_API "BoschGroup/postings/744000154502129", "smartrecruiters", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK(p.next_url == NULL);
	if ((j = by_guid(&p, "744000154502129"))) {
		CHECK_STR(j->title, "Operator 2 - 2nd shift");	/* squeezed and trimmed */
		CHECK_STR(j->company, "Bosch Group");
		CHECK_STR(j->location, "St. Joseph, MI, United States");
		CHECK(!j->remote && !j->hybrid);
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 1791481826);
		CHECK_STR(j->url, "https://jobs.smartrecruiters.com/BoschGroup/"
			  "744000154502129-operator-2-2nd-shift-");
		CHECK_STR(j->apply_url, "https://jobs.smartrecruiters.com/BoschGroup/"
			  "744000154502129-operator-2-2nd-shift-?oga=true");
		CHECK(contains(j->description_html, "<h3>Job Description</h3>"));
		CHECK(contains(j->description_text, "Qualifications"));
		CHECK(contains(j->description_text, "Additional Information"));
	}
	parsed_done(&p);
}

static void
test_smartrecruiters_quirks(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("smartrecruiters/smartrecruiters-last-page.json",
		      SR_API "AcmeCorp/postings?limit=100&offset=100", "smartrecruiters", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.skipped, 1);
	CHECK(p.next_url == NULL);	/* 100 + 4 reach totalFound 103 */
	if ((j = by_guid(&p, "744000000000001"))) {
		CHECK_STR(j->title, "Support Specialist");
		CHECK_STR(j->company, "AcmeCorp");	/* no name: the identifier */
		CHECK_STR(j->location, "Lisbon, PT");
		CHECK(j->remote);	/* the "Work flexibility" field */
		CHECK(!j->hybrid);	/* "Hybrid Brand" is a brand */
		CHECK_STR(j->employment_type, "part-time");
		CHECK_INT(j->posted, 1775044800);
		CHECK_STR(j->url, "https://jobs.smartrecruiters.com/AcmeCorp/744000000000001");
		CHECK_STR(j->tags, "Customer Care, Customer Service");
	}
	if ((j = by_guid(&p, "744000000000002"))) {
		CHECK_STR(j->company, "Acme Corp");
		CHECK_STR(j->location, "Porto, Portugal");
		CHECK(j->hybrid && !j->remote);
		CHECK(j->employment_type == NULL);	/* a string, not {label} */
	}
	if ((j = by_guid(&p, "744000000000003"))) {	/* a numeric id, wrong types */
		CHECK(j->title == NULL);
		CHECK_STR(j->company, "AcmeCorp");
		CHECK(j->location == NULL);
		CHECK_INT(j->posted, 0);
	}
	parsed_done(&p);

	/* an unknown company: 200 and an empty list */
	run_str("smartrecruiters", SR_API "nobody/postings",
		"{\"offset\":0,\"limit\":10,\"totalFound\":0,\"content\":[]}", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	CHECK(p.next_url == NULL);
	parsed_done(&p);

	/* an empty page never asks for another, whatever totalFound says */
	run_str("smartrecruiters", SR_API "liar/postings",
		"{\"offset\":0,\"limit\":10,\"totalFound\":50,\"content\":[]}", &p);
	CHECK(p.next_url == NULL);
	parsed_done(&p);

	/* numbers as strings in the envelope */
	run_str("smartrecruiters", SR_API "s/postings",
		"{\"offset\":\"10\",\"totalFound\":\"30\",\"content\":[{\"id\":\"1\","
		"\"name\":\"A\"}]}", &p);
	CHECK_STR(p.next_url, SR_API "s/postings?offset=11");
	parsed_done(&p);
}

/* ---- Recruitee ----------------------------------------------------------------------------- */

static void
test_recruitee_channable(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("recruitee/recruitee-channable-offers.json",
		      "https://channable.recruitee.com/api/offers/", "recruitee", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_INT(p.skipped, 0);
	CHECK_STR(p.title, "Channable");
	if ((j = by_guid(&p, "2751915"))) {
		CHECK_STR(j->title, "Customer Success Manager Benelux - Dutch speaking");
		CHECK_STR(j->company, "Channable");
		CHECK_STR(j->location, "Utrecht, Utrecht, Netherlands");
		CHECK(j->hybrid);
		CHECK(!j->remote);
		CHECK_SALARY(j, 3750, 5250, "EUR", "month");	/* numbers as strings */
		CHECK_STR(j->employment_type, "full-time");	/* fulltime_permanent */
		CHECK_INT(j->posted, 1789738048);	/* "2026-09-18 13:27:28 UTC" */
		CHECK_STR(j->url, "https://jobs.channable.com/o/"
			  "customer-success-manager-benelux-dutch-speaking-3");
		CHECK_STR(j->apply_url, "https://jobs.channable.com/o/"
			  "customer-success-manager-benelux-dutch-speaking-3/c/new");
		CHECK_STR(j->tags, "Customer Success");
		CHECK(contains(j->description_text, "Channable is a fast-growing B2B SaaS"));
		CHECK(contains(j->description_text, "Your role"));	/* the requirements */
		CHECK(contains(j->description_text, "Portfolio & client management"));
	}
	parsed_done(&p);
}

static void
test_recruitee_quirks(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("recruitee/recruitee-quirks.json", "https://acme.recruitee.com/api/offers/",
		      "recruitee", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.skipped, 2);
	if ((j = by_guid(&p, "101"))) {
		CHECK_STR(j->title, "Remote Developer");
		CHECK_STR(j->company, "acme");	/* company_name null: the subdomain */
		CHECK_STR(j->location, "Ghent, Belgium; Brussels, Belgium");
		CHECK(j->remote && !j->hybrid);
		CHECK_SALARY(j, 55000, 70000.5, "EUR", "year");
		CHECK_STR(j->employment_type, "part-time");	/* parttime_fixed_term */
		CHECK_INT(j->posted, 1778051289);
		CHECK_STR(j->apply_url, "https://acme.recruitee.com/o/remote-developer/c/new");
		CHECK_STR(j->tags, "Engineering, elixir, backend");
		CHECK(contains(j->description_text, "Write code."));
		CHECK(contains(j->description_text, "\xE2\x80\xA2 Elixir"));
	}
	if ((j = by_guid(&p, "102"))) {
		CHECK_STR(j->company, "Acme BV");
		CHECK_STR(j->location, "Ghent, Belgium");
		CHECK_NO_SALARY(j);	/* four nulls */
		CHECK(j->salary_period == NULL);
		CHECK_INT(j->posted, 1777593600);	/* published_at null: created_at */
		CHECK_STR(j->employment_type, "internship");	/* traineeship */
		CHECK(!j->remote && !j->hybrid);
		CHECK(j->tags == NULL);
	}
	if ((j = by_guid(&p, "103"))) {
		CHECK_SALARY(j, 18, 21, "EUR", "hour");
		CHECK_STR(j->employment_type, "freelance");
		CHECK(j->location == NULL);
		CHECK_STR(j->company, "acme");
	}
	parsed_done(&p);

	parse_fixture("recruitee/recruitee-single-offer.json",
		      "https://acme.recruitee.com/api/offers/chef", "recruitee", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if ((j = by_guid(&p, "7"))) {
		CHECK_STR(j->title, "Chef");
		CHECK_STR(j->employment_type, "full-time");
		CHECK_STR(j->description_text, "Cook.");	/* not the translation */
	}
	parsed_done(&p);

	run_str("recruitee", "https://x.recruitee.com/api/offers/", "{\"offers\": []}", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);
}

/* ---- Workable ------------------------------------------------------------------------------ */

#define WORKABLE_API "https://apply.workable.com/api/v1/widget/accounts/"

static void
test_workable_huggingface(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("workable/workable-huggingface-widget-trimmed.json",
		      WORKABLE_API "huggingface?details=true", "workable", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_INT(p.skipped, 0);
	CHECK_STR(p.title, "Hugging Face");
	if ((j = by_guid(&p, "81B46579FE"))) {
		CHECK_STR(j->title, "Open-Source Machine Learning Engineer - EMEA Remote");
		CHECK_STR(j->company, "Hugging Face");
		CHECK_STR(j->location, "Paris, \xC3\x8Ele-de-France, France");
		CHECK(j->remote);	/* telecommuting */
		CHECK(!j->hybrid);
		CHECK_NO_SALARY(j);
		CHECK_STR(j->employment_type, "full-time");
		CHECK_INT(j->posted, 1780012800);	/* a date only */
		CHECK_STR(j->url, "https://apply.workable.com/j/81B46579FE");
		CHECK_STR(j->apply_url, "https://apply.workable.com/j/81B46579FE/apply");
		CHECK_STR(j->tags, "Open Source, Engineering");
		CHECK(contains(j->description_text, "At Hugging Face, we're on a journey"));
	}
	parsed_done(&p);
}

static void
test_workable_quirks(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("workable/workable-quirks.json", WORKABLE_API "acme-widgets?details=true",
		      "workable", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	CHECK_INT(p.skipped, 2);
	CHECK_STR(p.title, "acme-widgets");	/* no "name": the slug */
	if ((j = by_guid(&p, "AB12CD34EF"))) {
		CHECK_STR(j->company, "acme-widgets");
		/* hidden locations left out; a city that is its own region said once */
		CHECK_STR(j->location, "Berlin, Germany; Hamburg, Germany");
		CHECK(!j->remote);
		CHECK_STR(j->employment_type, "contract");
		CHECK_INT(j->posted, 1780272000);
		CHECK_STR(j->tags, "Operations, Engineering");
	}
	if ((j = by_guid(&p, "ZZ99"))) {
		CHECK_STR(j->location, "Spain");
		CHECK(j->remote);	/* "true" as a string */
		CHECK_INT(j->posted, 1780012800);	/* created_at */
		CHECK(j->apply_url == NULL);
	}
	parsed_done(&p);

	run_str("workable", WORKABLE_API "none", "{\"name\": \"None\", \"jobs\": []}", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);
}

/* ---- Personio ------------------------------------------------------------------------------ */

static void
test_personio_unique(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("personio/personio-unique-land-use-trimmed.xml",
		      "https://unique.jobs.personio.de/xml?language=en", "personio", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_INT(p.skipped, 0);
	if ((j = by_guid(&p, "1226329"))) {
		CHECK_STR(j->title, "Employee Position - initiative application \xE2\x80\xA6");
		CHECK_STR(j->company, "unique land use GmbH");
		CHECK_STR(j->location, "Freiburg");
		CHECK(!j->remote && !j->hybrid);
		CHECK_NO_SALARY(j);
		CHECK_STR(j->employment_type, "full-or-part-time");
		CHECK_INT(j->posted, 1692632947);
		CHECK_STR(j->url, "https://unique.jobs.personio.de/job/1226329");
		CHECK_STR(j->tags, "All departments, Angestellte / Employee");
		CHECK(contains(j->description_text, "Seniority: experienced"));
		CHECK(contains(j->description_text, "Years of experience: 2-5"));
	}
	parsed_done(&p);
}

static void
test_personio_offices(void)
{
	struct parsed p;
	struct job *j;

	parse_fixture("personio/personio-offices.xml",
		      "https://acme.jobs.personio.com/xml?language=en", "personio", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.skipped, 1);	/* an empty <position> with children of nothing */
	if ((j = by_guid(&p, "4103"))) {
		CHECK_STR(j->title, "Backend Engineer (Go) & SRE");
		CHECK_STR(j->company, "acme");	/* no subcompany: the subdomain */
		CHECK_STR(j->location, "Munich; Berlin (Remote); Hamburg");
		CHECK(j->remote);	/* "(Remote)" in an office's name */
		CHECK_STR(j->employment_type, "full-time");	/* the schedule */
		CHECK_INT(j->posted, 1782892800);
		CHECK_STR(j->url, "https://acme.jobs.personio.com/job/4103");
		CHECK_STR(j->tags, "Engineering, Software & Data, go, kubernetes, postgres");
		/* CDATA HTML kept as HTML; section names escaped */
		CHECK(contains(j->description_html, "<h3>Your tasks</h3>\n<ul><li>Run <b>Go</b>"));
		CHECK(contains(j->description_html, "<h3>Your &lt;profile&gt;</h3>"));
		CHECK(contains(j->description_text, "\xE2\x80\xA2 Keep them up & fast"));
		CHECK(contains(j->description_text, "Your <profile>"));
		CHECK(contains(j->description_text, "Years of experience: 5-7"));
	}
	if ((j = by_guid(&p, "4104"))) {
		CHECK_STR(j->company, "Acme Labs GmbH");
		CHECK_STR(j->location, "Vienna");
		CHECK_STR(j->employment_type, "internship");	/* intern beats part-time */
		CHECK_INT(j->posted, 0);
		CHECK(j->description_html == NULL);
	}
	if ((j = by_guid(&p, "bad id/../x"))) {
		CHECK(j->url == NULL);	/* an id that cannot name a page */
		CHECK(j->hybrid);
	}
	parsed_done(&p);
}

static void
test_personio_hostile(void)
{
	static const char entities[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE workzag-jobs [\n"
		"  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
		"  <!ENTITY a \"aaaaaaaaaa\">\n"
		"  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		"]>\n"
		"<workzag-jobs><position><id>1</id><name>T &xxe; &b;</name>"
		"<office>X</office></position></workzag-jobs>";
	static const char bad_utf8[] =
		"<workzag-jobs><position><id>2</id><name>Z\xFCrich \xE2\x82 Dev</name>"
		"</position></workzag-jobs>";
	struct parsed p;

	/* entities stay unexpanded: no file, no blow-up */
	run_str("personio", "https://a.jobs.personio.de/xml", entities, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if (p.jobs.n) {
		CHECK(!strstr(p.jobs.v[0].title, "root:"));
		CHECK(!strstr(p.jobs.v[0].title, "aaaa"));
	}
	parsed_done(&p);

	run_str("personio", NULL, bad_utf8, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if (p.jobs.n) {
		CHECK_STR(p.jobs.v[0].title, "Z\xEF\xBF\xBDrich \xEF\xBF\xBD Dev");
		CHECK(p.jobs.v[0].company == NULL);
		CHECK(p.jobs.v[0].url == NULL);
	}
	parsed_done(&p);

	/* found by fuzz_personio: a date before 1970 gave a negative epoch */
	run_str("personio", NULL, "<workzag-jobs><position><id>3</id><name>Old</name>"
		"<createdAt>1377-07-01T10:00:00+02:00</createdAt></position></workzag-jobs>", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if (p.jobs.n)
		CHECK_INT(p.jobs.v[0].posted, 0);
	parsed_done(&p);

	run_str("personio", NULL, "<rss version=\"2.0\"><channel/></rss>", &p);
	CHECK_RC(p.rc, JT_ERR_FORMAT);
	CHECK_STR(p.err.msg, "XML whose root is <rss>, not <workzag-jobs>, so not a Personio "
		  "feed");
	parsed_done(&p);

	run_str("personio", NULL, "<workzag-jobs><position><id>1</id>", &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	CHECK(!strncmp(p.err.msg, "malformed XML", 13));
	parsed_done(&p);

	run_str("personio", NULL, "", &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	parsed_done(&p);

	run_str("personio", NULL, "{\"jobs\": []}", &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	parsed_done(&p);

	run_str("personio", NULL, "<workzag-jobs/>", &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);
}

/* ---- every JSON parser on documents of the wrong shape ------------------------------------- */

static void
test_wrong_shapes(void)
{
	static const char *const formats[] = {
		"greenhouse", "lever", "ashby", "smartrecruiters", "recruitee", "workable",
	};
	static const char *const wrong[] = {
		"{}", "\"jobs\"", "42", "null", "{\"status\": 404}", "{\"jobs\": {}}",
		"{\"offers\": \"x\"}", "{\"content\": null}", "{\"ok\": false}",
	};
	static const char *const broken[] = {
		"", "   ", "{", "[{\"id\": 1}", "{\"jobs\": [}", "not json", "[1,]",
	};
	struct parsed p;

	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
			run_str(formats[f], NULL, wrong[i], &p);
			if (p.rc != JT_ERR_FORMAT)
				fprintf(stderr, "%s on %s\n", formats[f], wrong[i]);
			CHECK_RC(p.rc, JT_ERR_FORMAT);
			CHECK(strstr(p.err.msg, "so not a") != NULL);
			CHECK_INT(p.jobs.n, 0);
			parsed_done(&p);
		}
		for (size_t i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
			run_str(formats[f], NULL, broken[i], &p);
			CHECK_RC(p.rc, JT_ERR_PARSE);
			CHECK_INT(p.jobs.n, 0);
			parsed_done(&p);
		}
	}
	/* a Lever array in Greenhouse's parser, and the other way round */
	run_str("greenhouse", NULL, "[{\"id\": \"x\", \"text\": \"t\"}]", &p);
	CHECK_RC(p.rc, JT_ERR_FORMAT);
	CHECK_STR(p.err.msg, "JSON without a \"jobs\" array or a job, so not a Greenhouse job "
		  "board response");
	parsed_done(&p);
	run_str("lever", NULL, "{\"jobs\": [{\"id\": 1, \"title\": \"t\"}]}", &p);
	CHECK_RC(p.rc, JT_ERR_FORMAT);
	parsed_done(&p);
}

/* ---- dates before 1970, long lists ---------------------------------------------------------- */

static void
test_old_dates_and_long_lists(void)
{
	static const struct {
		const char *format, *doc;
	} old[] = {
		{ "greenhouse", "{\"jobs\":[{\"id\":1,\"title\":\"t\","
		  "\"first_published\":\"1377-07-01T10:00:00+02:00\"}]}" },
		{ "lever", "[{\"id\":\"1\",\"text\":\"t\",\"createdAt\":-86400000}]" },
		{ "ashby", "{\"jobs\":[{\"id\":\"1\",\"title\":\"t\","
		  "\"publishedAt\":\"1969-12-31T23:59:59Z\"}]}" },
		{ "smartrecruiters", "{\"content\":[{\"id\":\"1\",\"name\":\"t\","
		  "\"releasedDate\":\"0001-01-01T00:00:00Z\"}]}" },
		{ "recruitee", "{\"offers\":[{\"id\":1,\"title\":\"t\","
		  "\"published_at\":\"1900-01-01 00:00:00 UTC\"}]}" },
		{ "workable", "{\"jobs\":[{\"shortcode\":\"A\",\"title\":\"t\","
		  "\"published_on\":\"1066-10-14\"}]}" },
	};
	struct parsed p;
	struct strbuf sb;

	for (size_t i = 0; i < sizeof(old) / sizeof(old[0]); i++) {
		run_str(old[i].format, NULL, old[i].doc, &p);
		CHECK_RC(p.rc, JT_OK);
		CHECK_INT(p.jobs.n, 1);
		if (p.jobs.n)
			CHECK_INT(p.jobs.v[0].posted, 0);
		parsed_done(&p);
	}

	/* 5,000 distinct locations: the first ones, within the field's cap */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "[{\"id\":\"1\",\"text\":\"t\",\"categories\":{\"allLocations\":[");
	for (int i = 0; i < 5000; i++)
		strbuf_addf(&sb, "%s\"Place %d\"", i ? "," : "", i);
	strbuf_adds(&sb, "]}}]");
	run_str("lever", NULL, strbuf_str(&sb), &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	if (p.jobs.n) {
		CHECK(!strncmp(p.jobs.v[0].location, "Place 0; Place 1; ", 18));
		CHECK(strlen(p.jobs.v[0].location) <= JOB_FIELD_MAX);
		CHECK(!strstr(p.jobs.v[0].location, "Place 4999"));
	}
	parsed_done(&p);
	strbuf_done(&sb);
}

/* ---- detection, API URLs, intervals -------------------------------------------------------- */

static void
test_detect(void)
{
	static const struct {
		const char *url, *head, *want;
	} cases[] = {
		/* the host names the board, whatever the content's first keys */
		{ GH_API "acme/jobs?content=true", "{\"jobs\":[]}", "greenhouse" },
		{ "https://boards.greenhouse.io/acme", "{\"jobs\":[]}", "greenhouse" },
		{ "https://job-boards.greenhouse.io/acme", "{\"id\":1}", "greenhouse" },
		{ "https://api.lever.co/v0/postings/acme?mode=json", "[]", "lever" },
		{ "https://api.eu.lever.co/v0/postings/acme?mode=json", "[]", "lever" },
		{ "https://jobs.lever.co/acme", "[]", "lever" },
		{ ASHBY_API "acme?includeCompensation=true", "{\"jobs\":[]}", "ashby" },
		{ "https://jobs.ashbyhq.com/acme", "{}", "ashby" },
		{ SR_API "acme/postings", "{\"content\":[]}", "smartrecruiters" },
		{ "https://jobs.smartrecruiters.com/acme", "{}", "smartrecruiters" },
		{ "https://acme.recruitee.com/api/offers/", "{\"offers\":[]}", "recruitee" },
		{ WORKABLE_API "acme?details=true", "{\"jobs\":[]}", "workable" },
		{ "https://apply.workable.com/acme/", "{}", "workable" },
		{ "https://acme.jobs.personio.de/xml", "<workzag-jobs/>", "personio" },
		{ "https://acme.jobs.personio.com/xml?language=de", "<?xml version=\"1.0\"?>"
		  "<workzag-jobs>", "personio" },
		/* a board's host beats the generic .json ending of JSON Feed */
		{ "https://acme.recruitee.com/api/offers.json", "{\"offers\":[]}", "recruitee" },
		{ GH_API "acme/jobs.json", "{\"jobs\":[]}", "greenhouse" },
		/* elsewhere a .json ending is JSON Feed's, as before ... */
		{ "https://mirror.example/gh.json", "{\"jobs\":[{\"absolute_url\":\"x\"",
		  "jsonfeed" },
		/* ... and otherwise the first keys name the board */
		{ "https://mirror.example/gh", "{\"jobs\":[{\"absolute_url\":\"x\",\"id\":1",
		  "greenhouse" },
		{ "https://mirror.example/gh", "{\"id\":1,\"internal_job_id\":2}", "greenhouse" },
		{ NULL, "[{\"id\":\"x\",\"hostedUrl\":\"https://jobs.lever.co/a/x\"}]", "lever" },
		{ NULL, "{\"apiVersion\":\"1\",\"jobs\":[{\"id\":\"x\",\"isListed\":true}]}",
		  "ashby" },
		{ NULL, "{\"offset\":0,\"limit\":10,\"totalFound\":0,\"content\":[]}",
		  "smartrecruiters" },
		{ NULL, "{\"offers\":[]}", "recruitee" },
		{ NULL, "\xEF\xBB\xBF { \"offers\" : [ ] }", "recruitee" },
		{ NULL, "{\"name\":\"X\",\"jobs\":[{\"title\":\"t\",\"shortcode\":\"AB\"}]}",
		  "workable" },
		{ NULL, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>\n",
		  "personio" },
		/* other boards' documents are not taken for these */
		{ NULL, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}",
		  "jsonfeed" },
		{ NULL, "<rss version=\"2.0\"><channel>", "rss" },
	};
	struct jt_err err;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = feed_detect(NULL, cases[i].url, cases[i].head,
					      strlen(cases[i].head), &err);

		if (!got || strcmp(got, cases[i].want))
			fprintf(stderr, "detect %s: %s\n", cases[i].url ? cases[i].url : "(none)",
				cases[i].head);
		CHECK_STR(got, cases[i].want);
	}
	/* a forced format that cannot be this document says so */
	CHECK(feed_detect("rss", NULL, " {\"items\": []}", 15, &err) == NULL);
	CHECK_STR(err.msg, "read as rss (its configured format), but it is JSON");
	CHECK(feed_detect("greenhouse", NULL, "<html>", 6, &err) == NULL);
	CHECK_STR(err.msg, "read as greenhouse (its configured format), but it is XML or HTML");
	CHECK_STR(feed_detect("jsonld", NULL, "{\"@type\": \"JobPosting\"}", 25, &err), "jsonld");
	CHECK_STR(feed_detect("rss", NULL, "<rss>", 5, &err), "rss");
	/* an HTML page on a board's host (a board page downloaded as it is) is not its API */
	CHECK_STR(feed_detect(NULL, "https://boards.greenhouse.io/acme", "<html><body>", 12, &err),
		  "jsonld");
	CHECK_STR(feed_detect(NULL, "https://acme.jobs.personio.de/", "<!DOCTYPE html><html>", 21,
			      &err), "jsonld");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(feed_format_known(cases[i].want));
	CHECK_STR(feed_detect_url("https://boards.greenhouse.io/acme"), "greenhouse");
	CHECK_STR(feed_detect_url("https://jobs.eu.lever.co/acme"), "lever");
	CHECK_STR(feed_detect_url("https://jobs.ashbyhq.com/acme"), "ashby");
	CHECK_STR(feed_detect_url("https://careers.smartrecruiters.com/acme"), "smartrecruiters");
	CHECK_STR(feed_detect_url("https://acme.recruitee.com/"), "recruitee");
	CHECK_STR(feed_detect_url("https://apply.workable.com/acme/"), "workable");
	CHECK_STR(feed_detect_url("https://acme.jobs.personio.de/"), "personio");
	CHECK(feed_detect_url("https://greenhouse.io/") == NULL);
	CHECK(feed_detect_url("https://lever.co/") == NULL);
}

#define RECRUITEE_API "https://channable.recruitee.com/api/offers/"
#define PERSONIO "https://unique.jobs.personio.de"

static void
test_fetch_url(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		/* Greenhouse */
		{ "https://boards.greenhouse.io/vercel", GH_API "vercel/jobs?content=true" },
		{ "https://boards.greenhouse.io/vercel/", GH_API "vercel/jobs?content=true" },
		{ "https://job-boards.greenhouse.io/gitlab", GH_API "gitlab/jobs?content=true" },
		{ "https://job-boards.greenhouse.io/gitlab/jobs/8556658002?gh_jid=1",
		  GH_API "gitlab/jobs?content=true" },
		{ "https://boards.greenhouse.io/embed/job_board?for=acme&b=x",
		  GH_API "acme/jobs?content=true" },
		{ GH_API "vercel/jobs", GH_API "vercel/jobs?content=true" },
		{ GH_API "vercel/jobs/", GH_API "vercel/jobs/?content=true" },
		{ GH_API "vercel/jobs?content=false", GH_API "vercel/jobs?content=true" },
		{ GH_API "vercel", GH_API "vercel/jobs?content=true" },
		{ GH_API "vercel/jobs?content=true", GH_API "vercel/jobs?content=true" },
		{ GH_API "vercel/jobs/123", GH_API "vercel/jobs/123?pay_transparency=true" },
		{ GH_API "vercel/departments", GH_API "vercel/departments" },
		{ "https://boards.greenhouse.io/", "https://boards.greenhouse.io/" },
		{ "https://boards.greenhouse.io/a%2Fb", "https://boards.greenhouse.io/a%2Fb" },
		/* Lever */
		{ "https://jobs.lever.co/spotify",
		  "https://api.lever.co/v0/postings/spotify?mode=json" },
		{ "https://jobs.lever.co/spotify/?team=Engineering",
		  "https://api.lever.co/v0/postings/spotify?team=Engineering&mode=json" },
		{ "https://jobs.eu.lever.co/acme",
		  "https://api.eu.lever.co/v0/postings/acme?mode=json" },
		{ "https://jobs.lever.co/zoox/f4746da4-8eb8-43e2-b7ce-bf3c7cf9640d/apply",
		  "https://api.lever.co/v0/postings/zoox/f4746da4-8eb8-43e2-b7ce-bf3c7cf9640d"
		  "?mode=json" },
		{ "https://api.lever.co/v0/postings/spotify",
		  "https://api.lever.co/v0/postings/spotify?mode=json" },
		{ "https://api.lever.co/v0/postings/spotify?mode=html&skip=5",
		  "https://api.lever.co/v0/postings/spotify?mode=json&skip=5" },
		{ "https://api.lever.co/v0/postings/spotify?mode=json",
		  "https://api.lever.co/v0/postings/spotify?mode=json" },
		/* Ashby */
		{ "https://jobs.ashbyhq.com/linear",
		  ASHBY_API "linear?includeCompensation=true" },
		{ "https://jobs.ashbyhq.com/linear/d3bc1ced-3ce4-4086-a050-555055dbb1ff",
		  ASHBY_API "linear?includeCompensation=true" },
		{ "https://jobs.ashbyhq.com/Acme%20Labs", ASHBY_API "Acme%20Labs"
		  "?includeCompensation=true" },
		{ ASHBY_API "linear", ASHBY_API "linear?includeCompensation=true" },
		{ ASHBY_API "linear?includeCompensation=true",
		  ASHBY_API "linear?includeCompensation=true" },
		/* SmartRecruiters */
		{ "https://jobs.smartrecruiters.com/Ubisoft2",
		  SR_API "Ubisoft2/postings?limit=100" },
		{ "https://careers.smartrecruiters.com/BoschGroup/",
		  SR_API "BoschGroup/postings?limit=100" },
		{ "https://jobs.smartrecruiters.com/BoschGroup/744000154502129-operator-2",
		  SR_API "BoschGroup/postings/744000154502129" },
		{ SR_API "Ubisoft2/postings", SR_API "Ubisoft2/postings?limit=100" },
		{ SR_API "Ubisoft2/postings?limit=20", SR_API "Ubisoft2/postings?limit=20" },
		{ SR_API "Ubisoft2/postings/744000151912444",
		  SR_API "Ubisoft2/postings/744000151912444" },
		/* Recruitee */
		{ "https://channable.recruitee.com/", RECRUITEE_API },
		{ "https://channable.recruitee.com", RECRUITEE_API },
		{ "https://Channable.recruitee.com/o/customer-success-manager", RECRUITEE_API },
		{ RECRUITEE_API, RECRUITEE_API },
		{ "https://recruitee.com/", "https://recruitee.com/" },
		{ "https://www.recruitee.com/pricing", "https://www.recruitee.com/pricing" },
		{ "https://a.b.recruitee.com/", "https://a.b.recruitee.com/" },
		/* Workable */
		{ "https://apply.workable.com/huggingface/",
		  WORKABLE_API "huggingface?details=true" },
		{ "https://apply.workable.com/huggingface/j/81B46579FE/",
		  WORKABLE_API "huggingface?details=true" },
		{ WORKABLE_API "huggingface", WORKABLE_API "huggingface?details=true" },
		{ WORKABLE_API "huggingface?details=true",
		  WORKABLE_API "huggingface?details=true" },
		{ "https://apply.workable.com/j/81B46579FE",
		  "https://apply.workable.com/j/81B46579FE" },
		/* Personio */
		{ "https://unique.jobs.personio.de/", PERSONIO "/xml?language=en" },
		{ "https://unique.jobs.personio.de/job/1226329?language=de&display=en",
		  PERSONIO "/xml?language=de" },
		{ "https://acme.jobs.personio.com",
		  "https://acme.jobs.personio.com/xml?language=en" },
		{ PERSONIO "/xml", PERSONIO "/xml" },
		{ PERSONIO "/?language=x%22", PERSONIO "/xml?language=en" },
		{ "https://jobs.personio.de/", "https://jobs.personio.de/" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = feed_fetch_url(NULL, cases[i].in);

		CHECK_STR(got, cases[i].want);
		free(got);
	}
	/* a forced format: its own API URL; another format's page is left alone */
	{
		char *got = feed_fetch_url("lever", "https://jobs.lever.co/acme");

		CHECK_STR(got, "https://api.lever.co/v0/postings/acme?mode=json");
		free(got);
		got = feed_fetch_url("lever", "https://boards.greenhouse.io/acme");
		CHECK_STR(got, "https://boards.greenhouse.io/acme");
		free(got);
	}
}

static void
test_min_interval(void)
{
	static const char *const formats[] = {
		"greenhouse", "lever", "ashby", "smartrecruiters", "recruitee", "workable",
		"personio",
	};

	/* none of these boards asks for a pause between refreshes */
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		CHECK(feed_format_known(formats[i]));
		CHECK_INT(feed_min_interval(formats[i]), 0);
	}
	CHECK_INT(feed_min_interval("no-such-board"), 0);
	CHECK_INT(feed_min_interval(NULL), 0);
}

int
main(void)
{
	feedtest_init();
	RUN(test_greenhouse_vercel);
	RUN(test_greenhouse_gitlab);
	RUN(test_greenhouse_docs);
	RUN(test_greenhouse_quirks);
	RUN(test_lever_spotify);
	RUN(test_lever_zoox);
	RUN(test_lever_quirks);
	RUN(test_ashby_linear);
	RUN(test_ashby_compensation);
	RUN(test_ashby_quirks);
	RUN(test_smartrecruiters_list);
	RUN(test_smartrecruiters_detail);
	RUN(test_smartrecruiters_quirks);
	RUN(test_recruitee_channable);
	RUN(test_recruitee_quirks);
	RUN(test_workable_huggingface);
	RUN(test_workable_quirks);
	RUN(test_personio_unique);
	RUN(test_personio_offices);
	RUN(test_personio_hostile);
	RUN(test_wrong_shapes);
	RUN(test_old_dates_and_long_lists);
	RUN(test_detect);
	RUN(test_fetch_url);
	RUN(test_min_interval);
	return CHECK_DONE();
}
