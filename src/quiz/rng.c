/* Seeded randomness for papers and practice: xoshiro256** with splitmix64
 * seeding.  Integer-only arithmetic, so a seed draws the same paper on
 * every machine and compiler. */
#include "dockertutor/quiz.h"

uint64_t quiz_mix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

void quiz_rng_seed(struct quiz_rng *rng, uint64_t seed)
{
	int i;

	/* The first four outputs of splitmix64 from seed, as the xoshiro
	 * authors recommend: never all zero. */
	for (i = 0; i < 4; i++)
		rng->s[i] = quiz_mix64(seed + (uint64_t)i * 0x9E3779B97F4A7C15ull);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t quiz_rng_next(struct quiz_rng *rng)
{
	uint64_t *s = rng->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t quiz_rng_below(struct quiz_rng *rng, uint64_t n)
{
	/* Reject the top partial range so every value is equally likely. */
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;

	do
		x = quiz_rng_next(rng);
	while (x >= limit);
	return x % n;
}
