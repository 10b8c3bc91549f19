# expect-none: DL3059
FROM debian:12
RUN echo a && echo b && echo c
RUN echo d
RUN --mount=type=cache,target=/root/.cache echo e
