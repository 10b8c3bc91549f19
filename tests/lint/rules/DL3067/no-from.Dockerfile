# expect-none: DL3067
FROM scratch
COPY / /
