# expect-none: DL3026
FROM quay.io/org/app:1
