# expect-none: DL3066
FROM debian:12
ARG UID=10001
USER ${UID}
