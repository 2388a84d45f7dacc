dnl jobterm's own autoconf macros.

dnl JT_CHECK_CFLAG(flag, action-if-accepted)
dnl Compiles an empty program with FLAG added to CFLAGS (and -Werror, so that a compiler
dnl that only warns about an unknown flag does not count as accepting it).
AC_DEFUN([JT_CHECK_CFLAG], [
	AS_VAR_PUSHDEF([jt_var], [jt_cv_cflag_$1])
	AC_CACHE_CHECK([whether $CC accepts $1], [jt_var], [
		jt_save_cflag_CFLAGS=$CFLAGS
		CFLAGS="$CFLAGS -Werror $1"
		AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
			[AS_VAR_SET([jt_var], [yes])], [AS_VAR_SET([jt_var], [no])])
		CFLAGS=$jt_save_cflag_CFLAGS])
	AS_VAR_IF([jt_var], [yes], [$2])
	AS_VAR_POPDEF([jt_var])
])

dnl JT_PTHREAD: sets PTHREAD_CFLAGS and PTHREAD_LIBS, or fails.
AC_DEFUN([JT_PTHREAD], [
	AC_MSG_CHECKING([how to build with POSIX threads])
	jt_save_pt_CFLAGS=$CFLAGS; jt_save_pt_LIBS=$LIBS
	CFLAGS="$CFLAGS -pthread"; LIBS="$LIBS -pthread"
	AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <pthread.h>
static void *f(void *p) { return p; }]], [[pthread_t t; return pthread_create(&t, 0, f, 0);]])],
		[PTHREAD_CFLAGS=-pthread; PTHREAD_LIBS=-pthread; AC_MSG_RESULT([-pthread])],
		[AC_MSG_RESULT([no]); AC_MSG_ERROR([POSIX threads are required])])
	CFLAGS=$jt_save_pt_CFLAGS; LIBS=$jt_save_pt_LIBS
	AC_SUBST([PTHREAD_CFLAGS])
	AC_SUBST([PTHREAD_LIBS])
])
