# expect-none: DL4000
FROM debian:12
LABEL maintainer=me@example.com
