# expect-none: DL3061
# syntax=docker/dockerfile:1
# a comment
FROM debian:12
