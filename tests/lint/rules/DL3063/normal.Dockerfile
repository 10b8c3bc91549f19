# expect-none: DL3063
FROM debian:12 AS base
