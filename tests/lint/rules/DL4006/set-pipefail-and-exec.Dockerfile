# expect-none: DL4006
FROM debian:12
RUN set -o pipefail && curl -fsSL https://example.com/x | tar -xz
RUN ["sh", "-c", "echo a"]
