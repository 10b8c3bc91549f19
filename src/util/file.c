/* Bounded file reads and atomic writes.  Every untrusted file enters the
 * program through dt_read_file, which refuses anything larger than the cap
 * its caller names. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dockertutor/util.h"

static enum dt_status read_fd(int fd, const char *path, size_t max,
                              char **data, size_t *len, struct dt_error *err)
{
	struct dt_buf buf;
	char chunk[65536];

	dt_buf_init(&buf);
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			dt_buf_fini(&buf);
			return dt_error_set(err, DT_ERR_IO, path, 0, 0,
			                    "cannot read: %s", strerror(errno));
		}
		if (n == 0)
			break;
		if ((size_t)n > max - buf.len) {
			dt_buf_fini(&buf);
			return dt_error_set(err, DT_ERR_LIMIT, path, 0, 0,
			                    "file is larger than the limit of %zu bytes",
			                    max);
		}
		if (!dt_buf_append(&buf, chunk, (size_t)n)) {
			dt_buf_fini(&buf);
			return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
			                    "out of memory reading the file");
		}
	}
	*len = buf.len;
	*data = dt_buf_steal(&buf);
	if (!*data)
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "out of memory reading the file");
	return DT_OK;
}

enum dt_status dt_read_file(const char *path, size_t max, char **data,
                            size_t *len, struct dt_error *err)
{
	struct stat st;
	enum dt_status rc;
	int fd;

	*data = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, "<stdin>", max, data, len, err);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return dt_error_set(err, errno == ENOENT ? DT_ERR_NOTFOUND : DT_ERR_IO,
		                    path, 0, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = dt_error_set(err, DT_ERR_IO, path, 0, 0, "cannot stat: %s",
		                  strerror(errno));
		close(fd);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                    "is a directory, not a file");
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		return dt_error_set(err, DT_ERR_LIMIT, path, 0, 0,
		                    "file is larger than the limit of %zu bytes", max);
	}
	rc = read_fd(fd, path, max, data, len, err);
	close(fd);
	return rc;
}

/* Creates the temporary file of an atomic write.  O_EXCL and O_NOFOLLOW:
 * in a folder others can write to (a classroom's), a symbolic link planted
 * under the predictable name must not make us truncate its target.  A
 * leftover of a crashed writer with our pid is removed once. */
static int create_temp(const char *tmp, unsigned mode)
{
	int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
	int fd = open(tmp, flags, (mode_t)mode);

	if (fd < 0 && errno == EEXIST && unlink(tmp) == 0)
		fd = open(tmp, flags, (mode_t)mode);
	return fd;
}

enum dt_status dt_write_file(const char *path, const char *data, size_t len,
                             unsigned mode, struct dt_error *err)
{
	char tmp[4096];
	size_t off = 0;
	int fd;

	if (!dt_snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()))
		return dt_error_set(err, DT_ERR_LIMIT, path, 0, 0, "path is too long");
	fd = create_temp(tmp, mode);
	if (fd < 0)
		return dt_error_set(err, DT_ERR_IO, path, 0, 0, "cannot write: %s",
		                    strerror(errno));
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += (size_t)n;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		fd = -1;
		goto fail;
	}
	return DT_OK;
fail:
	{
		int saved = errno;

		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return dt_error_set(err, DT_ERR_IO, path, 0, 0, "cannot write: %s",
		                    strerror(saved));
	}
}

enum dt_status dt_mkdir_p(const char *path, unsigned mode,
                          struct dt_error *err)
{
	char tmp[4096];
	char *p;

	if (!dt_strlcpy(tmp, path, sizeof tmp))
		return dt_error_set(err, DT_ERR_LIMIT, path, 0, 0, "path is too long");
	if (!tmp[0])                  /* the loop starts after the first byte */
		return dt_error_set(err, DT_ERR_INVALID, path, 0, 0,
		                    "the folder name is empty");
	for (p = tmp + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(tmp, (mode_t)mode) == 0) {
				/* The umask may have narrowed it; a folder made
				 * for a class must really be group-writable. */
				if (chmod(tmp, (mode_t)mode) != 0)
					return dt_error_set(err, DT_ERR_IO, tmp, 0, 0,
					                    "cannot set the folder's mode: %s",
					                    strerror(errno));
			} else if (errno != EEXIST) {
				return dt_error_set(err, DT_ERR_IO, tmp, 0, 0,
				                    "cannot create folder: %s",
				                    strerror(errno));
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return DT_OK;
}
