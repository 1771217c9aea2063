/*
 * bench-dhry: a Dhrystone-like loop (our own code, not the original benchmark): record copies and
 * field updates through pointers, enum switches, short string compares and copies, small procedure
 * calls with by-reference results, integer arithmetic; prints a checksum.
 */
#include "bench.h"

#ifndef ITER
#define ITER 600000
#endif

typedef enum { RED, GREEN, BLUE, CYAN, MAGENTA } color;
struct rec {
    struct rec *link;
    color col;
    int32_t num;
    char str[32];
};

static struct rec r1, r2;
static char s1[32], s2[32];
static int32_t glob_int;
static char glob_char;

static __attribute__((noinline)) int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}
static __attribute__((noinline)) void str_cpy(char *d, const char *s)
{
    while ((*d++ = *s++))
        ;
}
static __attribute__((noinline)) color next_color(color c, int32_t n)
{
    switch (c) {
    case RED: return n > 3 ? GREEN : BLUE;
    case GREEN: return CYAN;
    case BLUE: return n & 1 ? MAGENTA : RED;
    case CYAN: return RED;
    default: return GREEN;
    }
}
static __attribute__((noinline)) void proc_a(int32_t *p)
{
    int32_t t = *p + 10;
    for (;;) {
        if (glob_char == 'A') {
            t -= 1;
            *p = t - glob_int;
            break;
        }
        t -= 2;
        if (t < *p) {
            *p += 1;
            break;
        }
    }
}
static __attribute__((noinline)) void proc_b(struct rec *r)
{
    struct rec *n = r->link;
    *n = *r;
    r->num = 5;
    n->num = r->num;
    n->link = r->link;
    n->col = next_color(r->col, n->num);
    if (n->col == RED)
        n->num = 6;
    else
        r->num += n->num;
}
static __attribute__((noinline)) int32_t proc_c(int32_t a, int32_t b) { return a * 3 + b / 2 - (a ^ b); }

int main(void)
{
    uint32_t sum = 0;
    r1.link = &r2;
    r1.col = RED;
    r1.num = 40;
    str_cpy(r1.str, "DHRYSTONE-LIKE PROGRAM, SOME STRING");
    str_cpy(s1, "DHRYSTONE-LIKE PROGRAM, 1'ST STRING");
    for (uint32_t i = 1; i <= ITER; i++) {
        int32_t a = (int32_t)(i & 15) + 2, b = 3, c;
        glob_char = (i & 3) ? 'A' : 'B';
        glob_int = (int32_t)(i % 7);
        str_cpy(s2, (i & 1) ? "DHRYSTONE-LIKE PROGRAM, 2'ND STRING" : "DHRYSTONE-LIKE PROGRAM, 1'ST STRING");
        int eq = str_eq(s1, s2);
        while (a < b + 5) {
            c = 5 * a - b;
            a += 1;
            sum += (uint32_t)c;
        }
        c = proc_c(a, b);
        proc_a(&c);
        r1.col = (color)(i % 5);
        proc_b(&r1);
        sum += (uint32_t)c + (uint32_t)eq * 17u + (uint32_t)r2.num * 3u + (uint32_t)r2.col + (uint32_t)r1.num;
        sum = (sum << 3) ^ (sum >> 29) ^ (uint32_t)r2.str[i & 15];
    }
    bench_done("bench-dhry", sum);
    return 0;
}
