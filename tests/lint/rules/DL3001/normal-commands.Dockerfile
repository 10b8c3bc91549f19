# expect-none: DL3001
FROM debian:12
RUN echo top ps kill && ls /usr/bin/vim
