# expect-none: DL3000
FROM alpine:3.19
ARG HOME_DIR=/home/app
WORKDIR $HOME_DIR
WORKDIR C:\\app
WORKDIR "/quoted path"
