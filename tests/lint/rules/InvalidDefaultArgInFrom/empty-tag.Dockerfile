# expect: InvalidDefaultArgInFrom:3
ARG TAG
FROM busybox:${TAG}
