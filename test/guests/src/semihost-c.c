/*
 * picolibc with --oslib=semihost: printf/puts to the semihosting console, a file written, read
 * back, seeked, appended to and removed in the current directory (the host's cwd), a missing file
 * (errno ENOENT), and exit(3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define FILE_NAME "translucent-semihost-test.txt"
#define FILE2 "translucent-semihost-test2.txt"

int main(void)
{
    printf("semihost-c: hello from picolibc printf, %d + %d = %d\n", 40, 2, 40 + 2);
    puts("puts works too");
    fprintf(stdout, "hex %#x, padded [%6d], string [%s]\n", 0xbeef, -17, "ok");

    FILE *f = fopen(FILE_NAME, "w");
    if (!f) {
        puts("fopen for writing failed");
        return 1;
    }
    const char text[] = "line one\nline two\n";
    size_t w = fwrite(text, 1, sizeof text - 1, f);
    fclose(f);
    printf("wrote %u bytes\n", (unsigned)w);

    char buf[64];
    memset(buf, 0, sizeof buf);
    f = fopen(FILE_NAME, "r");
    if (!f) {
        puts("fopen for reading failed");
        return 1;
    }
    size_t r = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    printf("read %u bytes: %s", (unsigned)r, buf);
    printf("same: %s\n", (r == w && memcmp(buf, text, r) == 0) ? "yes" : "no");

    printf("remove: %d\n", remove(FILE_NAME));
    f = fopen(FILE_NAME, "r");
    printf("reopen after remove: %s\n", f ? "exists" : "gone");

    /* seek and tell (SYS_SEEK, SYS_FLEN), append mode, on a second file */
    f = fopen(FILE2, "w");
    fwrite(text, 1, sizeof text - 1, f);
    fclose(f);
    f = fopen(FILE2, "r");
    fseek(f, 5, SEEK_SET);
    int c1 = fgetc(f);
    fseek(f, -4, SEEK_END);
    char tail[8] = {0};
    size_t nt = fread(tail, 1, 7, f);
    long end = (fseek(f, 0, SEEK_END), ftell(f));
    fclose(f);
    printf("seek: byte 5 = '%c', last %u bytes = \"%s\" (without the newline), size %ld\n", c1,
           (unsigned)nt, strtok(tail, "\n"), end);
    f = fopen(FILE2, "a");
    fputs("line three\n", f);
    fclose(f);
    f = fopen(FILE2, "r");
    memset(buf, 0, sizeof buf);
    r = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    printf("after append: %u bytes, last line: %s", (unsigned)r, strrchr(buf, 'l') ? buf + 18 : "?");

    /* a file that does not exist */
    errno = 0;
    FILE *nf = fopen("translucent-no-such-file.txt", "r");
    printf("missing file: %s, errno %s\n", nf ? "opened?!" : "NULL", errno == ENOENT ? "ENOENT" : "other");
    printf("remove second file: %d\n", remove(FILE2));
    fflush(stdout);
    exit(3);
}
