# expect-none: SCxxxx SC2154 SC2086
FROM debian:12 AS base
RUN ["sh", "-c", "echo $unset_in_exec"]
FROM mcr.microsoft.com/powershell:lts-debian-12
SHELL ["pwsh", "-Command"]
RUN echo $unset_in_pwsh
