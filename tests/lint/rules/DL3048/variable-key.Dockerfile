# expect-none: DL3048
FROM debian:12
ARG KEY=version
LABEL ${KEY}=1
