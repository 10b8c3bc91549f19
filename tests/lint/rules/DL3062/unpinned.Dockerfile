# expect: DL3062:3
FROM golang:1.22
RUN go install golang.org/x/tools/gopls
