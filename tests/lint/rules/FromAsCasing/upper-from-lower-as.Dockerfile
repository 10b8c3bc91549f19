# expect: FromAsCasing:2
FROM debian:12 as builder
RUN echo build
