/*
 * bench-mix: a CoreMark-like integer mix (our own code): linked-list walks and reversal, a small
 * integer matrix multiply, a byte-driven state machine and a CRC-16, iterated; prints a checksum.
 */
#include "bench.h"

#ifndef ITER
#define ITER 9000
#endif

struct node { struct node *next; int32_t key, val; };
static struct node nodes[128];

static struct node *list_build(uint32_t seed)
{
    struct node *head = 0;
    for (int i = 0; i < 128; i++) {
        seed = seed * 1664525u + 1013904223u;
        nodes[i].key = (int32_t)(seed >> 20);
        nodes[i].val = i;
        nodes[i].next = head;
        head = &nodes[i];
    }
    return head;
}
static struct node *list_reverse(struct node *h)
{
    struct node *prev = 0;
    while (h) {
        struct node *n = h->next;
        h->next = prev;
        prev = h;
        h = n;
    }
    return prev;
}
static uint32_t list_find_sum(struct node *h, int32_t lo, int32_t hi)
{
    uint32_t s = 0;
    for (; h; h = h->next)
        if (h->key >= lo && h->key < hi)
            s += (uint32_t)h->val * 3u + (uint32_t)h->key;
    return s;
}

#define N 12
static int32_t ma[N][N], mb[N][N], mc[N][N];
static uint32_t matrix(uint32_t seed)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            seed = seed * 1103515245u + 12345u;
            ma[i][j] = (int32_t)((seed >> 16) & 0xff) - 128;
            mb[i][j] = (int32_t)((seed >> 8) & 0x7f) - 64;
        }
    uint32_t s = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t acc = 0;
            for (int k = 0; k < N; k++)
                acc += ma[i][k] * mb[k][j];
            mc[i][j] = acc;
            s += (uint32_t)acc ^ (uint32_t)(i * N + j);
        }
    return s;
}

static const char text[] = "12,+345;-6.78e9 0x1f; 42 -0 3.14159 , abc 77e+3 ;; 9.";
static uint32_t state_machine(void)
{
    enum { START, INT, FRAC, EXP, HEX, OTHER } st = START;
    uint32_t counts[6] = {0};
    for (const char *p = text; *p; p++) {
        char c = *p;
        switch (st) {
        case START:
            if (c >= '0' && c <= '9') st = c == '0' && p[1] == 'x' ? HEX : INT;
            else if (c == '+' || c == '-') st = INT;
            else if (c == '.') st = FRAC;
            else st = OTHER;
            break;
        case INT:
            if (c == '.') st = FRAC;
            else if (c == 'e') st = EXP;
            else if (c < '0' || c > '9') st = START;
            break;
        case FRAC:
            if (c == 'e') st = EXP;
            else if (c < '0' || c > '9') st = START;
            break;
        case EXP:
            if ((c < '0' || c > '9') && c != '+' && c != '-') st = START;
            break;
        case HEX:
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == 'x')) st = START;
            break;
        case OTHER:
            if (c == ' ' || c == ',' || c == ';') st = START;
            break;
        }
        counts[st]++;
    }
    uint32_t s = 0;
    for (int i = 0; i < 6; i++)
        s = s * 31 + counts[i];
    return s;
}

static uint16_t crc16(uint16_t crc, uint32_t v)
{
    for (int i = 0; i < 32; i++) {
        uint16_t bit = (uint16_t)(((v >> i) ^ crc) & 1);
        crc >>= 1;
        if (bit)
            crc ^= 0xa001;
    }
    return crc;
}

int main(void)
{
    uint16_t crc = 0xffff;
    uint32_t total = 0;
    for (uint32_t it = 0; it < ITER; it++) {
        struct node *h = list_build(it * 7919u + 1);
        uint32_t a = list_find_sum(h, 512, 3000);
        h = list_reverse(h);
        uint32_t b = list_find_sum(h, 1000, 4096);
        uint32_t m = matrix(it);
        uint32_t s = state_machine();
        crc = crc16(crc, a);
        crc = crc16(crc, b ^ m);
        crc = crc16(crc, s + it);
        total += a ^ (b << 1) ^ m ^ s;
    }
    bench_done("bench-mix", total ^ ((uint32_t)crc << 16));
    return 0;
}
