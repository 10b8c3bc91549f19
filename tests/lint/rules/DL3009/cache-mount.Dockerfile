# expect-none: DL3009
FROM debian:12
RUN --mount=type=cache,target=/var/lib/apt/lists \
    apt-get update && apt-get install -y curl=7.88.1-10
