/* The floor for the many-small-files case: the same open/fstat/read/close per file,
 * synchronously, ten rounds. Usage: fs_floor DIR/small */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  static char names[4096][512];
  int count = 0;
  DIR* d = opendir(argv[1]);
  if (d == NULL) return 1;
  struct dirent* e;
  while ((e = readdir(d)) != NULL && count < 4096) {
    if (e->d_name[0] == '.') continue;
    snprintf(names[count++], sizeof(names[0]), "%s/%s", argv[1], e->d_name);
  }
  closedir(d);
  static char buf[1 << 16];
  long long bytes = 0;
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int round = 0; round < 10; round++) {
    for (int i = 0; i < count; i++) {
      int fd = open(names[i], O_RDONLY | O_CLOEXEC);
      struct stat st;
      fstat(fd, &st);
      ssize_t n = read(fd, buf, sizeof(buf));
      if (n > 0) bytes += n;
      close(fd);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &b);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
               (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
  printf("{\"smallFiles\": %.1f, \"smallFilesCpu\": %.1f, \"bytes\": %lld}\n",
         (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6, cpu, bytes);
  return 0;
}
