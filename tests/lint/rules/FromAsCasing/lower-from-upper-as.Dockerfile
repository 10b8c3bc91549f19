# expect: FromAsCasing:4
FROM debian:12 AS base
RUN echo base
from base AS final
