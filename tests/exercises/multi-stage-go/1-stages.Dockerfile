# syntax=docker/dockerfile:1
FROM golang:1.23
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/hello .
USER nobody
EXPOSE 8080
ENTRYPOINT ["/out/hello"]
