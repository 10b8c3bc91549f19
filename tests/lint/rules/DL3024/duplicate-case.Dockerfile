# expect: DL3024:4
FROM debian:12 AS base
FROM alpine:3.19 AS other
FROM debian:12 AS BASE
