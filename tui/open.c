/*
 * Opening links in a browser, copying them with OSC 52, and editing a file in $EDITOR.
 *
 * Owns the browser or editor child process while it runs. It must never pass a link or a
 * path through a shell or build a command line from it, never hand over a link
 * fetch_url_openable() refused, and never write to the terminal anything but a base64
 * payload inside its own OSC 52.
 */
#include "config.h"
#include "tui/open.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/strbuf.h"
#include "store/xmalloc.h"
#include "tui/keys.h"
#include "tui/net.h"

/* The first executable `prog` on PATH (or prog itself when it names a path); the caller
 * frees it. NULL when there is none. */
static char *
find_program(const char *prog)
{
	const char *path = getenv("PATH");
	struct stat st;

	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0 ? xstrdup(prog) : NULL;
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		char *full = xasprintf("%.*s%s%s", (int)n, path, n ? "/" : "", prog);

		if (access(full, X_OK) == 0 && stat(full, &st) == 0 && S_ISREG(st.st_mode))
			return full;
		free(full);
		path += n;
		if (*path == ':')
			path++;
	}
	return NULL;
}

/*
 * Run the program at full with argv, the terminal handed over to it (endwin) and taken back
 * afterwards, and wait for it. Returns the child's pid (or -1 when fork failed, errno says
 * why) and its wait status in *status.
 */
static pid_t
run_child(const char *full, char *const argv[], int *status)
{
	long max_fd = sysconf(_SC_OPEN_MAX);
	pid_t pid;

	if (max_fd < 0 || max_fd > 65536)
		max_fd = 65536;
	*status = 0;
	def_prog_mode();
	endwin();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* The child: only async-signal-safe calls from here to exec. */
		static const int sigs[] = { SIGPIPE, SIGINT, SIGTERM, SIGWINCH, SIGTSTP, SIGCONT };
		sigset_t none;

		for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
			signal(sigs[i], SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		for (long fd = 3; fd < max_fd; fd++)
			close((int)fd);
		execv(full, argv);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, status, 0) < 0 && errno == EINTR)
			;
	else
		*status = errno;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0)
		errno = *status;
	return pid;
}

/* What happened to a child that did not exit 0, in words. */
static void
child_trouble(const char *prog, pid_t pid, int status, char *msg, size_t size)
{
	if (pid < 0)
		snprintf(msg, size, "cannot start %s: %s", prog, strerror(errno));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		snprintf(msg, size, "cannot run %s", prog);
	else if (WIFEXITED(status))
		snprintf(msg, size, "%s failed (exit status %d)", prog, WEXITSTATUS(status));
	else
		snprintf(msg, size, "%s was killed by signal %d", prog,
			 WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

bool
ui_edit_file(const char *editor, const char *path, char *msg, size_t size)
{
	char *words[17], *copy = xstrdup(editor), *p = copy, *full;
	int n = 0, status;
	pid_t pid;
	bool ok;

	/* Words split at blanks ("emacs -nw"); no quoting, no shell. */
	while (*p && n < 16) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		words[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	if (!n || !(full = find_program(words[0]))) {
		snprintf(msg, size, "cannot edit: no program %s (check EDITOR)", n ? words[0] : "");
		free(copy);
		return false;
	}
	words[n++] = (char *)path;
	words[n] = NULL;
	pid = run_child(full, words, &status);
	ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (!ok)
		child_trouble(words[0], pid, status, msg, size);
	free(full);
	free(copy);
	return ok;
}

/* Why url may not leave jobterm (fetch_url_openable, in the network module), or NULL. */
static const char *
refusal(const char *url, struct jt_err *err)
{
	const struct net_ops *net = net_load(err);
	const char *why = NULL;

	if (!net)
		return err->msg;
	return net->fetch_url_openable(url, &why) ? NULL : why;
}

bool
ui_open_url(const char *url, char *msg, size_t size)
{
	const char *browser = getenv("BROWSER"), *why;
	struct jt_err err = { "" };
	char prog[256], *full;
	char *argv[3];
	int status = 0;
	pid_t pid;

	if ((why = refusal(url, &err))) {
		snprintf(msg, size, "not opened: %s", why);
		return false;
	}
	if (browser && *browser) {
		/* $BROWSER may list programs separated by ':'; the first one is used. */
		size_t n = strcspn(browser, ":");

		string_ncopy(prog, n + 1 < sizeof(prog) ? n + 1 : sizeof(prog), browser);
	} else {
		string_copy(prog, "xdg-open");
	}
	if (!*prog || !(full = find_program(prog))) {
		snprintf(msg, size, "cannot open the link: no program %s (set BROWSER)", prog);
		return false;
	}
	argv[0] = prog;
	argv[1] = (char *)url;
	argv[2] = NULL;
	pid = run_child(full, argv, &status);
	free(full);
	if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		snprintf(msg, size, "opened in %s: %s", prog, url);
	else
		child_trouble(prog, pid, status, msg, size);
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void
base64(struct strbuf *sb, const unsigned char *s, size_t len)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)s[i] << 16;

		if (i + 1 < len)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < len)
			v |= s[i + 2];
		strbuf_addc(sb, digits[(v >> 18) & 63]);
		strbuf_addc(sb, digits[(v >> 12) & 63]);
		strbuf_addc(sb, i + 1 < len ? digits[(v >> 6) & 63] : '=');
		strbuf_addc(sb, i + 2 < len ? digits[v & 63] : '=');
	}
}

bool
ui_copy_url(const char *url, char *msg, size_t size)
{
	const char *why;
	struct jt_err err = { "" };
	char *cap;
	struct strbuf sb;
	bool ok = true;

	if ((why = refusal(url, &err))) {
		snprintf(msg, size, "not copied: %s", why);
		return false;
	}
	cap = tigetstr("Ms");
	if (!cap || cap == (char *)-1) {
		snprintf(msg, size, "link (the terminal cannot copy): %s", url);
		return false;
	}
	/* Everything curses had to say first, then the sequence, straight to the terminal. */
	refresh();
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "\033]52;c;");
	base64(&sb, (const unsigned char *)url, strlen(url));
	strbuf_addc(&sb, '\a');
	for (size_t off = 0, len = strlen(strbuf_str(&sb)); off < len;) {
		ssize_t n = write(STDOUT_FILENO, strbuf_str(&sb) + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = false;
			break;
		}
		off += (size_t)n;
	}
	strbuf_done(&sb);
	snprintf(msg, size, ok ? "copied: %s" : "could not copy: %s", url);
	return ok;
}
