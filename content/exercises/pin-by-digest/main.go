// An API that reports the build it came from.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"runtime/debug"
)

func main() {
	http.HandleFunc("/version", func(w http.ResponseWriter, r *http.Request) {
		info, _ := debug.ReadBuildInfo()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{
			"go":     info.GoVersion,
			"module": info.Main.Path,
		})
	})
	log.Print("listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
