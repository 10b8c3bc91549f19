# expect: SC2154:3 SC2086:3
FROM debian:12
RUN echo $name
