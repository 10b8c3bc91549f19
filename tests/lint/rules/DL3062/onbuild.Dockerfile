# expect: DL3062:3
FROM golang:1.22
ONBUILD RUN go install github.com/x/y/cmd/z
