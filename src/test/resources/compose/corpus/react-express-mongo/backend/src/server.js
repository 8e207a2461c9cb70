console.log("back")
