# expect-none: DL3063
FROM scratch AS empty
