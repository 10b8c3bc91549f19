# syntax=docker/dockerfile:1
# The tags are notes for humans; the digests decide what is pulled.
FROM golang:1.23@sha256:7e4271877cebe5e1c39853f3bc2c161afc56d6d0b368667e541ef7394f892c8f AS build
WORKDIR /src
COPY go.mod main.go ./
RUN CGO_ENABLED=0 go build -o /out/api .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/api"]
